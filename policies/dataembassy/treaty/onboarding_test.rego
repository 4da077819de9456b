package dataembassy.treaty_test

import data.dataembassy.onboarding

test_deny_after_the_validity_window if {
	d := onboarding.decision with input as {"agreement": "ee_lu", "dataset": plain, "at": "2030-01-01T00:00:00Z"}
		with data.dataembassy.agreements.ee_lu.terms.validity.until as "2029-12-31"
	codes(d) == ["AGREEMENT_OUTSIDE_VALIDITY"]
}

test_allow_inside_the_validity_window if {
	d := onboarding.decision with input as {"agreement": "ee_lu", "dataset": plain, "at": "2029-12-30T23:00:00Z"}
		with data.dataembassy.agreements.ee_lu.terms.validity.until as "2029-12-31"
	d.allow
}

test_allow_declared_general_category if {
	d := onboarding.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"dataset": object.union(plain, {"categories": ["general"]}),
	}
	d.allow
}

# The rules never read the clock: a decision input without "at" is refused with a reason that says so,
# at every entry point, and an evacuation is no exception.
test_deny_without_a_decision_date_says_so if {
	d := onboarding.decision with input as {"agreement": "ee_lu", "dataset": plain}
	not d.allow
	codes(d) == ["INPUT_DATE_MISSING"]
	d.reasons[0].agreement == "ee-lu"
}
