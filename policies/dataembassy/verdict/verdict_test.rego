package dataembassy.verdict_test

import data.dataembassy.onboarding
import data.dataembassy.verdict

plain := {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z", "dataset": {"classification": "INTERNAL", "personal_data": false, "register": ""}}

reason(code) := {"code": code, "message": "m", "article": "Art. 1", "agreement": "x-y"}

test_deny_beats_review_and_sorts_by_code if {
	d := verdict.decide({reason("B"), reason("A")}, {reason("C")}, true)
	d == {"allow": false, "review_required": false, "reasons": [reason("A"), reason("B")]}
}

test_review_when_established if {
	d := verdict.decide(set(), {reason("C")}, true)
	d.review_required
	not d.allow
}

test_allow_only_when_established_and_nothing_objects if {
	verdict.decide(set(), set(), true) == {"allow": true, "review_required": false, "reasons": []}
}

test_deny_not_established_even_without_objections if {
	d := onboarding.decision with input as plain
		with data.dataembassy.agreements.ee_lu.onboarding_established as false
	not d.allow
	[r.code | some r in d.reasons] == ["NOT_ESTABLISHED"]
}

test_deny_treaty_package_returning_a_non_set if {
	d := onboarding.decision with input as plain
		with data.dataembassy.agreements.ee_lu.onboarding_review as "nothing to review"
	[r.code | some r in d.reasons] == ["TREATY_CONTRACT_BROKEN"]
}

test_deny_reason_without_article if {
	d := onboarding.decision with input as plain
		with data.dataembassy.agreements.ee_lu.onboarding_deny as {{"code": "X", "message": "m", "agreement": "ee-lu"}}
	[r.code | some r in d.reasons] == ["TREATY_CONTRACT_BROKEN"]
}

test_deny_agreement_with_terms_but_no_treaty_package if {
	d := onboarding.decision with input as object.union(plain, {"agreement": "zz_zz"})
		with data.dataembassy.agreements.zz_zz as {"terms": {"id": "zz-zz"}}
	d.reasons == [{
		"code": "TREATY_CONTRACT_BROKEN",
		"message": "The treaty package for zz_zz does not implement onboarding_deny and onboarding_review as sets of well-formed reasons.",
		"article": "-", "agreement": "zz-zz",
	}]
}

test_deny_non_string_agreement if {
	d := onboarding.decision with input as {"agreement": 42}
	d.reasons[0].code == "AGREEMENT_UNKNOWN"
	d.reasons[0].agreement == "42"
}

test_allow_review_deny_outcome_names if {
	verdict.outcome({"allow": true}) == "allow"
	verdict.outcome({"allow": false, "review_required": true}) == "review"
	verdict.outcome({"allow": false, "review_required": false}) == "deny"
}
