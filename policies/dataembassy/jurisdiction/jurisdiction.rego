# METADATA
# title: Jurisdiction decisions
# description: |
#   Decides on a request by authorities towards the embassy's data or premises (search, entry, court order, audit ...).
#   The rules are the agreement's jurisdiction_deny and jurisdiction_review reasons (package
#   dataembassy.agreements.<key>); every reason cites the article it comes from. Treaty packages that define
#   jurisdiction_obligations (schema_version 2) also return the duties the decision carries.
# entrypoint: true
package dataembassy.jurisdiction

import data.dataembassy.verdict

deny_reasons := data.dataembassy.agreements[verdict.key].jurisdiction_deny

review_reasons := data.dataembassy.agreements[verdict.key].jurisdiction_review

default established := false

established if data.dataembassy.agreements[verdict.key].jurisdiction_established == true

# decision is always defined: unknown agreement, the treaty's verdict, or a broken contract.
# METADATA
# scope: document
# description: The input has the shape of schemas/input/jurisdiction.json (DecisionInputShape checks it in the portal).
# schemas:
#   - input: schema.input.jurisdiction
decision := verdict.unknown_agreement if {
	not verdict.known
} else := verdict.decide_with(deny_reasons, review_reasons, established, obligations) if {
	verdict.known
	obligations := data.dataembassy.agreements[verdict.key].jurisdiction_obligations
} else := verdict.decide(deny_reasons, review_reasons, established) if {
	verdict.known
	not data.dataembassy.agreements[verdict.key].jurisdiction_obligations
} else := verdict.contract_broken("jurisdiction")
