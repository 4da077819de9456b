package dataembassy.treaty_test

import data.dataembassy.transfer

test_allow_evacuation_after_termination_within_the_window if {
	d := transfer.decision with input as evacuate("2030-03-01T00:00:00Z", "home-ee")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	d.allow
}

test_deny_evacuation_after_the_window_closes if {
	d := transfer.decision with input as evacuate("2031-01-01T00:00:00Z", "home-ee")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(d) == ["EVACUATION_WINDOW_CLOSED"]
	d.reasons[0].article == "Art. 14"
}

test_deny_evacuation_to_a_host_state_site if {
	d := transfer.decision with input as evacuate("2030-03-01T00:00:00Z", "embassy-lu")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(d) == ["EVACUATION_DESTINATION_NOT_ORIGIN"]
}

test_allow_evacuation_while_suspended if {
	d := transfer.decision with input as evacuate("2030-03-01T00:00:00Z", "home-ee")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle.status as "SUSPENDED"
	d.allow
}

test_deny_replication_while_terminated if {
	i := object.union(evacuate("2030-03-01T00:00:00Z", "home-ee"), {"transfer": {"purpose": "replication"}})
	d := transfer.decision with input as i
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(d) == ["AGREEMENT_NOT_IN_FORCE"]
}

test_review_transfer_under_a_restricted_agreement if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.restrictions as restriction
	d.review_required
	not d.allow
	codes(d) == ["AGREEMENT_RESTRICTED"]
	d.reasons[0].article == "Art. 12"
	contains(d.reasons[0].message, "2026-11-27")
}

test_allow_transfer_when_the_restriction_is_lifted if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.restrictions as {"new_transfers_require_review": false}
	d.allow
}

test_deny_transfer_under_a_suspended_agreement_even_if_restricted if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.restrictions as restriction
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as {"status": "SUSPENDED", "suspended_from": "2026-02-27"}
	codes(d) == ["AGREEMENT_NOT_IN_FORCE"]
}

# A suspension or termination takes effect on its date: a decision dated before it sees the
# agreement as it was, so the agreement's own tests, which state their
# decision date, keep their answers through a suspension version.
test_allow_a_decision_dated_before_the_suspension_takes_effect if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as {"status": "SUSPENDED", "suspended_from": "2026-11-27"}
	d.allow
}

test_allow_a_decision_dated_before_the_termination_takes_effect if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as {"status": "TERMINATED", "terminated_on": "2026-03-02"}
	d.allow
	ended := transfer.decision with input as object.union(replicate_to_embassy, {"at": "2026-03-02T00:00:00Z"})
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as {"status": "TERMINATED", "terminated_on": "2026-03-02"}
	codes(ended) == ["AGREEMENT_NOT_IN_FORCE"]
}

test_deny_evacuation_without_a_decision_date if {
	d := transfer.decision with input as object.remove(evacuate("2030-03-01T00:00:00Z", "home-ee"), ["at"])
		with data.dataembassy.agreements.ee_lu.terms.lifecycle.status as "SUSPENDED"
	codes(d) == ["INPUT_DATE_MISSING"]
	e := transfer.decision with input as object.remove(evacuate("2030-03-01T00:00:00Z", "home-ee"), ["at"])
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(e) == ["INPUT_DATE_MISSING"]
}

test_deny_a_decision_date_that_is_not_rfc3339_without_claiming_the_window_closed if {
	d := transfer.decision with input as evacuate("soon", "home-ee")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(d) == ["INPUT_DATE_INVALID"]
}
