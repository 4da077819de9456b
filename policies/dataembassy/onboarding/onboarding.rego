# METADATA
# title: Onboarding decisions
# description: |
#   Decides whether a dataset may be placed in a data embassy under the agreement named in the input.
#   The rules are the agreement's onboarding_deny and onboarding_review reasons (package
#   dataembassy.agreements.<key>); every reason cites the article it comes from. Treaty packages that define
#   onboarding_obligations (schema_version 2) also return the duties the decision carries.
# entrypoint: true
package dataembassy.onboarding

import data.dataembassy.verdict

deny_reasons := data.dataembassy.agreements[verdict.key].onboarding_deny

review_reasons := data.dataembassy.agreements[verdict.key].onboarding_review

default established := false

established if data.dataembassy.agreements[verdict.key].onboarding_established == true

# decision is always defined: unknown agreement, the treaty's verdict, or a broken contract.
# METADATA
# scope: document
# description: The input has the shape of schemas/input/onboarding.json (DecisionInputShape checks it in the portal).
# schemas:
#   - input: schema.input.onboarding
decision := verdict.unknown_agreement if {
	not verdict.known
} else := verdict.decide_with(deny_reasons, review_reasons, established, obligations) if {
	verdict.known
	obligations := data.dataembassy.agreements[verdict.key].onboarding_obligations
} else := verdict.decide(deny_reasons, review_reasons, established) if {
	verdict.known
	not data.dataembassy.agreements[verdict.key].onboarding_obligations
} else := verdict.contract_broken("onboarding")
