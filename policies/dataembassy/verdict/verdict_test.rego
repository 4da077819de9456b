package dataembassy.verdict_test

import data.dataembassy.onboarding
import data.dataembassy.verdict

plain := {
	"agreement": "ee_lu",
	"at": "2026-03-01T00:00:00Z",
	"dataset": {"classification": "INTERNAL", "personal_data": false, "register": ""},
}

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

# ---------------------------------------------------------------- schema_version 2: clauses and obligations

owed(code) := {
	"code": code,
	"action": "do it",
	"article": "",
	"agreement": "x-y",
	"clause": "notification",
	"owed_by": "XA",
	"owed_to": "XB",
	"due": "2026-03-02T00:00:00Z",
}

clause_reason(article) := {
	"code": "C",
	"message": "m",
	"article": article,
	"agreement": "x-y",
	"clause": "personnel.staff",
	"origin": "treaty",
}

test_allow_a_treaty_reason_may_cite_a_clause_without_article if {
	verdict.well_formed({clause_reason("")})
	not verdict.well_formed({object.union(clause_reason(""), {"origin": "portal"})})
	not verdict.well_formed({json.remove(clause_reason(""), ["clause"])})
}

test_allow_an_allow_carries_its_obligations if {
	d := verdict.decide_with(set(), set(), true, {owed("B"), owed("A")})
	d.allow
	[[o.code, o.conditional] | some o in d.obligations] == [["A", false], ["B", false]]
}

test_allow_a_review_makes_obligations_conditional if {
	d := verdict.decide_with(set(), {reason("R")}, true, {owed("A")})
	[o.conditional | some o in d.obligations] == [true]
}

test_deny_a_deny_carries_no_obligations if {
	verdict.decide_with({reason("D")}, set(), true, {owed("A")}).obligations == []
}

test_deny_malformed_obligations_break_the_contract if {
	not verdict.decide_with(set(), set(), true, {object.union(owed("A"), {"due": "tomorrow"})})
	not verdict.decide_with(set(), set(), true, {json.remove(owed("A"), ["owed_to"])})
	not verdict.decide_with(set(), set(), true, [owed("A")])
	d := onboarding.decision with input as plain
		with data.dataembassy.agreements.ee_lu.onboarding_obligations as {{"code": "X"}}
	[r.code | some r in d.reasons] == ["TREATY_CONTRACT_BROKEN"]
}

test_allow_packages_without_obligations_answer_as_before if {
	d := onboarding.decision with input as plain
	not d.obligations
	d.allow
}

test_allow_duties_keep_their_status_under_review if {
	d := verdict.decide_duties(set(), {reason("OBLIGATION_OVERDUE")}, {object.union(owed("A"), {"status": "overdue"})})
	d.review_required
	[[o.status, object.get(o, "conditional", "none")] | some o in d.obligations] == [["overdue", "none"]]
	verdict.decide_duties({reason("INPUT_DATE_MISSING")}, set(), {owed("A")}).obligations == []
}
