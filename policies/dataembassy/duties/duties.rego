# METADATA
# title: Duty decisions
# description: |
#   Lists what the agreement named in the input obliges at the decision date (periodic audits and
#   reviews, evacuation after termination, notice after activation) with each duty's due instant
#   and status (open, overdue, fulfilled), from the facts the portal's obligation tracker states.
#   An overdue duty makes the answer a review (OBLIGATION_OVERDUE, citing the duty's article).
#   Treaty packages define duties_deny, duties_review and duties_obligations (schema_version 2);
#   an agreement of schema_version 1 states no duties with a schedule, so its answer lists none.
# entrypoint: true
package dataembassy.duties

import data.dataembassy.verdict

agreement := data.dataembassy.agreements[verdict.key]

# METADATA
# scope: document
# description: The input has the shape of schemas/input/duties.json (DecisionInputShape checks it in the portal).
# schemas:
#   - input: schema.input.duties
decision := verdict.unknown_agreement if {
	not verdict.known
} else := verdict.decide_duties(agreement.duties_deny, agreement.duties_review, agreement.duties_obligations) if {
	verdict.known
} else := verdict.decide_duties(set(), set(), set()) if {
	verdict.known
	not agreement.duties_deny
	not agreement.duties_review
	not agreement.duties_obligations
} else := verdict.contract_broken("duties")
