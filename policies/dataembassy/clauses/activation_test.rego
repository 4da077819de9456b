package dataembassy.clauses_test

import data.dataembassy.clauses

activating := object.union(terms, {"clauses": {"activation": {
	"article": "a3", "grounds": {"declared": "CRISIS"}, "may_trigger": ["CIO"],
	"approvers": {"roles": ["CIO", "CISO"], "quorum": {"m": 2, "n": 2}},
	"host_notice": {"timing": "before"},
}}})

activate(extra) := object.union(
	{
		"at": at,
		"activation": {
			"triggered_by": {"id": "a", "role": "CIO"},
			"approvals": [{"id": "b", "role": "CISO"}],
			"declarations": ["CRISIS"],
			"site": "emb",
		},
	},
	{"activation": extra},
)

test_deny_a_site_that_is_not_an_embassy if {
	codes(clauses.activation_clause_deny(activating)) == {"ACTIVATION_SITE_NOT_EMBASSY"} with input as activate({"site": "home"})
	codes(clauses.activation_clause_deny(activating)) == {"SITE_NOT_COVERED"} with input as activate({"site": "moon"})
}

test_allow_notice_before_is_asked_unless_given if {
	r := clauses.activation_clause_review(activating) with input as activate({})
	[[x.code, x.clause] | some x in r] == [["ACTIVATION_NOTICE_DUE", "activation.host_notice"]]
	clauses.activation_clause_review(activating) == set() with input as activate({"host_state_notified": true})
	clauses.activation_clause_review(activating) == set() with input as activate({"stage": "trigger"})
}

test_allow_activation_without_a_clause_is_a_question if {
	codes(clauses.activation_clause_review(terms)) == {"NO_CLAUSE_APPLIES"} with input as activate({})
}
