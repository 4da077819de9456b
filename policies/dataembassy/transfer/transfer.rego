# METADATA
# title: Transfer decisions
# description: |
#   Decides whether a dataset may move between sites (replication, restore, evacuation after termination).
#   The rules are the agreement's transfer_deny and transfer_review reasons (package
#   dataembassy.agreements.<key>); every reason cites the article it comes from. Treaty packages that define
#   transfer_obligations (schema_version 2) also return the duties the decision carries.
# entrypoint: true
package dataembassy.transfer

import data.dataembassy.verdict

deny_reasons := data.dataembassy.agreements[verdict.key].transfer_deny

review_reasons := data.dataembassy.agreements[verdict.key].transfer_review

default established := false

established if data.dataembassy.agreements[verdict.key].transfer_established == true

# decision is always defined: unknown agreement, the treaty's verdict, or a broken contract.
# METADATA
# scope: document
# description: The input has the shape of schemas/input/transfer.json (DecisionInputShape checks it in the portal).
# schemas:
#   - input: schema.input.transfer
decision := verdict.unknown_agreement if {
	not verdict.known
} else := verdict.decide_with(deny_reasons, review_reasons, established, obligations) if {
	verdict.known
	obligations := data.dataembassy.agreements[verdict.key].transfer_obligations
} else := verdict.decide(deny_reasons, review_reasons, established) if {
	verdict.known
	not data.dataembassy.agreements[verdict.key].transfer_obligations
} else := verdict.contract_broken("transfer")
