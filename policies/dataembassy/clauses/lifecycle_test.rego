package dataembassy.clauses_test

import data.dataembassy.clauses

history(entries) := object.union(terms, {"lifecycle": {"article": "a9", "history": entries}})

suspended := history([
	{"status": "SIGNED", "from": "2024-06-01"},
	{"status": "IN_FORCE", "from": "2025-01-01"},
	{
		"status": "SUSPENDED",
		"from": "2026-04-01",
		"scope": ["transfer.*"],
		"ground": "material_breach",
		"invoked_by": "ZZ",
		"reference": "note 7",
	},
])

test_allow_status_is_the_entry_in_effect_at_the_date if {
	clauses.status_at(suspended) == "SIGNED" with input as {"at": "2024-12-31T23:59:59Z"}
	clauses.status_at(suspended) == "IN_FORCE" with input as {"at": "2026-03-31T23:59:59Z"}
	clauses.status_at(suspended) == "SUSPENDED" with input as {"at": "2026-04-01T00:00:00Z"}
	clauses.status_at(suspended) == "DRAFT" with input as {"at": "2024-01-01T00:00:00Z"}
	clauses.status_at(history([])) == "DRAFT" with input as {"at": at}
	clauses.in_force_since(suspended) == "2025-01-01"
}

test_deny_scoped_suspension_covers_only_its_scope if {
	r := clauses.lifecycle_deny(suspended, "transfer.replication") with input as {"at": "2026-05-01T00:00:00Z"}
	[x.code | some x in r] == ["SUSPENDED_IN_SCOPE"]
	[x.article | some x in r] == ["Art. 3"]
	contains([x.message | some x in r][0], "on the ground material_breach invoked by ZZ (note 7)")
	clauses.lifecycle_deny(suspended, "onboarding") == set() with input as {"at": "2026-05-01T00:00:00Z"}
	clauses.lifecycle_deny(suspended, "transfer.restore") == set() with input as {"at": "2026-05-01T00:00:00Z"}
}

test_deny_not_in_force_before_entry_into_force if {
	r := clauses.lifecycle_deny(suspended, "onboarding") with input as {"at": "2024-07-01T00:00:00Z"}
	[x.code | some x in r] == ["AGREEMENT_NOT_IN_FORCE"]
	[x.article | some x in r] == ["Art. 9"]
}

test_deny_terminated_cites_termination if {
	t := object.union(
		history([{"status": "IN_FORCE", "from": "2025-01-01"}, {"status": "TERMINATED", "from": "2026-01-01"}]),
		{
			"articles": object.union(terms.articles, {"a8": {"number": "Art. 8"}}),
			"clauses": object.union(terms.clauses, {"termination": {"article": "a8"}}),
		},
	)
	r := clauses.lifecycle_deny(t, "onboarding") with input as {"at": at}
	[[x.code, x.article] | some x in r] == [["AGREEMENT_TERMINATED", "Art. 8"]]
	clauses.ended_day(t) == "2026-01-01" with input as {"at": at}
}

test_deny_outside_validity_until_inclusive if {
	t := object.union(terms, {"validity": {"from": "2025-01-01", "until": "2026-02-28", "article": "a9"}})
	[x.code | some x in clauses.lifecycle_deny(t, "onboarding")] == ["AGREEMENT_OUTSIDE_VALIDITY"] with input as {"at": at}
	clauses.lifecycle_deny(t, "onboarding") == set() with input as {"at": "2026-02-28T23:59:59Z"}
	clauses.ended_day(t) == "2026-03-01" with input as {"at": at}
}

test_deny_without_a_valid_decision_date if {
	[x.code | some x in clauses.lifecycle_deny(terms, "onboarding")] == ["INPUT_DATE_MISSING"] with input as {}
	[x.code | some x in clauses.lifecycle_deny(terms, "onboarding")] == ["INPUT_DATE_INVALID"] with input as {"at": "yesterday"}
}

restricted := object.union(terms, {"measures": {"restrictions": [
	{
		"id": "r1",
		"from": "2026-01-01",
		"until": "2026-06-30",
		"scope": ["transfer"],
		"effect": "deny",
		"code": "MEASURE_APPLIES",
		"clause": "suspension",
		"reference": "review 9",
		"message": "transfers stop",
	},
	{
		"id": "r2",
		"from": "2026-01-01",
		"scope": ["*"],
		"when": {"fact": "dataset.personal_data", "eq": true},
		"effect": "review",
		"code": "PERSONAL_REVIEW_MEASURE",
	},
]}})

test_deny_measures_apply_in_their_period_and_scope if {
	r := clauses.restriction_reasons(restricted, "transfer.replication", "deny") with input as {"at": at}
	[[x.code, x.article, x.clause] | some x in r] == [["MEASURE_APPLIES", "Art. 3", "measures.restrictions.r1"]]
	clauses.restriction_reasons(restricted, "transfer.replication", "deny") == set() with input as {"at": "2026-07-01T00:00:00Z"}
	clauses.restriction_reasons(restricted, "onboarding", "deny") == set() with input as {"at": at}
}

test_allow_measures_with_conditions_apply_only_when_met if {
	count(clauses.restriction_reasons(restricted, "onboarding", "review")) == 1 with input as {"at": at, "dataset": {"personal_data": true}}
	clauses.restriction_reasons(restricted, "onboarding", "review") == set() with input as {"at": at, "dataset": {"personal_data": false}}
}
