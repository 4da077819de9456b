# METADATA
# title: Activation decisions
# description: |
#   Decides whether the originating state may activate the embassy (run its services from it).
#   The rules are the agreement's activation_deny and activation_review reasons (package
#   dataembassy.agreements.<key>); every reason cites the article it comes from. Treaty packages that define
#   activation_obligations (schema_version 2) also return the duties the decision carries.
# entrypoint: true
package dataembassy.activation

import data.dataembassy.verdict

deny_reasons := data.dataembassy.agreements[verdict.key].activation_deny

review_reasons := data.dataembassy.agreements[verdict.key].activation_review

default established := false

established if data.dataembassy.agreements[verdict.key].activation_established == true

# decision is always defined: unknown agreement, the treaty's verdict, or a broken contract.
# METADATA
# scope: document
# description: The input has the shape of schemas/input/activation.json (DecisionInputShape checks it in the portal).
# schemas:
#   - input: schema.input.activation
decision := verdict.unknown_agreement if {
	not verdict.known
} else := verdict.decide_with(deny_reasons, review_reasons, established, obligations) if {
	verdict.known
	obligations := data.dataembassy.agreements[verdict.key].activation_obligations
} else := verdict.decide(deny_reasons, review_reasons, established) if {
	verdict.known
	not data.dataembassy.agreements[verdict.key].activation_obligations
} else := verdict.contract_broken("activation")
