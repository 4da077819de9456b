package dataembassy.onboarding_test

import data.dataembassy.onboarding
import data.dataembassy.testdata
import data.dataembassy.verdict

base_input := {
	"agreement": "ee_lu",
	"at": "2026-03-01T00:00:00Z",
	"dataset": {
		"classification": "INTERNAL",
		"personal_data": false,
		"register": "",
	},
}

with_dataset(patch) := object.union(base_input, {"dataset": object.union(base_input.dataset, patch)})

codes(decision) := {r.code | some r in decision.reasons}

test_allow_internal_non_personal_dataset if {
	d := onboarding.decision with input as base_input
	d.allow
	not d.review_required
	count(d.reasons) == 0
}

test_review_personal_data if {
	d := onboarding.decision with input as with_dataset({"personal_data": true})
	not d.allow
	d.review_required
	codes(d) == {"PERSONAL_DATA_REVIEW"}
	some r in d.reasons
	r.article == "Art. 4"
	r.agreement == "ee-lu"
}

test_review_register_lists_both_reasons_in_code_order if {
	d := onboarding.decision with input as with_dataset({"personal_data": true, "register": "population"})
	d.review_required
	[r.code | some r in d.reasons] == ["PERSONAL_DATA_REVIEW", "REGISTER_REVIEW"]
}

test_deny_top_secret if {
	d := onboarding.decision with input as with_dataset({"classification": "TOP_SECRET"})
	not d.allow
	not d.review_required
	codes(d) == {"CLASSIFICATION_NOT_PERMITTED"}
}

test_deny_beats_review if {
	d := onboarding.decision with input as with_dataset({"classification": "SECRET", "personal_data": true})
	not d.allow
	not d.review_required
	codes(d) == {"CLASSIFICATION_NOT_PERMITTED"}
}

test_deny_unknown_classification if {
	d := onboarding.decision with input as with_dataset({"classification": "SORT_OF_SECRET"})
	not d.allow
	codes(d) == {"CLASSIFICATION_UNKNOWN"}
}

test_deny_unknown_agreement if {
	d := onboarding.decision with input as object.union(base_input, {"agreement": "xx_yy"})
	not d.allow
	codes(d) == {"AGREEMENT_UNKNOWN"}
}

test_deny_agreement_not_in_force if {
	d := onboarding.decision with input as base_input
		with data.dataembassy.agreements.ee_lu.terms.lifecycle.status as "SUSPENDED"
	not d.allow
	codes(d) == {"AGREEMENT_NOT_IN_FORCE"}
}

test_deny_empty_input_gives_a_reason if {
	d := onboarding.decision with input as {}
	not d.allow
	count(d.reasons) > 0
}

test_deny_missing_classification_is_not_allowed if {
	d := onboarding.decision with input as {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z", "dataset": {}}
	not d.allow
	not d.review_required
	codes(d) == {"CLASSIFICATION_UNKNOWN"}
}

# Every case in policies/dataembassy/testdata/onboarding/data.json (the same table TreatyContractIT sends
# through the real OPA): outcome and reason codes, in decision order, as the table says.
test_allow_review_deny_as_the_case_table_says if {
	failures := [sprintf("%s: got %s %v", [c.name, verdict.outcome(d), [r.code | some r in d.reasons]]) |
		some c in testdata.onboarding.cases
		d := onboarding.decision with input as c.input
		not table_match(c, d)
	]
	print("case table mismatches:", failures)
	failures == []
}

table_match(c, d) if {
	verdict.outcome(d) == c.outcome
	[r.code | some r in d.reasons] == c.codes
}

test_allow_review_deny_case_table_covers_every_outcome if {
	{c.outcome | some c in testdata.onboarding.cases} == {"allow", "review", "deny"}
}
