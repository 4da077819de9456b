package dataembassy.clauses_test

import data.dataembassy.clauses

emergency := {"fact": "request.emergency", "in": ["fire", "flood"], "code": "NOT_AN_EMERGENCY"}

consent := {"fact": "request.consent_by", "eq": "originating_state", "code": "CONSENT_MISSING"}

test_allow_leaves_compare_facts if {
	clauses.holds(terms, emergency) with input as {"request": {"emergency": "fire"}}
	clauses.holds(terms, consent) with input as {"request": {"consent_by": "ZY"}}
	clauses.holds(terms, {"fact": "request.n", "gte": 2}) with input as {"request": {"n": 2}}
	clauses.holds(terms, {"fact": "request.n", "lte": 2}) with input as {"request": {"n": 1}}
	clauses.holds(terms, {"fact": "request.tags", "contains": "host_state"}) with input as {"request": {"tags": ["ZZ"]}}
	clauses.holds(terms, {"fact": "request.kind", "ne": "search"}) with input as {"request": {"kind": "entry"}}
	clauses.holds(terms, {"fact": "request.kind", "present": true}) with input as {"request": {"kind": "entry"}}
	clauses.holds(terms, {"fact": "request.kind", "present": false}) with input as {"request": {}}
}

# A missing fact never satisfies a requirement, whatever the operator.
test_deny_missing_facts if {
	not clauses.holds(terms, consent) with input as {"request": {}}
	not clauses.holds(terms, {"fact": "request.kind", "ne": "search"}) with input as {"request": {}}
	not clauses.holds(terms, {"fact": "request.n", "gte": 2}) with input as {}
}

test_allow_declarations_and_events_are_leaves if {
	clauses.holds(terms, {"declared": "CRISIS"}) with input as {"activation": {"declarations": ["CRISIS"]}}
	not clauses.holds(terms, {"declared": "CRISIS"}) with input as {"activation": {}}
	clauses.holds(terms, {"event": "martial_law"}) with input as {
		"at": at,
		"facts": {"events": [{"kind": "martial_law", "state": "ZZ", "start": "2026-02-01"}]},
	}
	not clauses.holds(terms, {"event": "martial_law"}) with input as {
		"at": at,
		"facts": {"events": [{"kind": "martial_law", "state": "ZY", "start": "2026-02-01"}]},
	}
}

# Three levels: any_of (leaf, all_of (leaf, leaf)).
nested := {"any_of": [
	{"declared": "A"},
	{"all_of": [{"declared": "B"}, {"declared": "C"}]},
]}

test_allow_groups_nest_three_levels if {
	clauses.holds(terms, nested) with input as {"activation": {"declarations": ["A"]}}
	clauses.holds(terms, nested) with input as {"activation": {"declarations": ["B", "C"]}}
	not clauses.holds(terms, nested) with input as {"activation": {"declarations": ["B"]}}
	not clauses.holds(terms, nested) with input as {"activation": {"declarations": []}}
}

test_allow_three_level_all_of_and_none_of if {
	c := {"all_of": [{"any_of": [{"declared": "A"}, {"declared": "B"}]}, {"declared": "D"}]}
	clauses.holds(terms, c) with input as {"activation": {"declarations": ["B", "D"]}}
	not clauses.holds(terms, c) with input as {"activation": {"declarations": ["B"]}}
	n := {"none_of": [{"all_of": [{"declared": "A"}, {"declared": "B"}]}]}
	clauses.holds(terms, n) with input as {"activation": {"declarations": ["A"]}}
	not clauses.holds(terms, n) with input as {"activation": {"declarations": ["A", "B"]}}
}

test_allow_failure_code_is_the_first_failing_leaf if {
	c := {"all_of": [emergency, consent], "code": "WHOLE"}
	clauses.failure_code(terms, c, "DEFAULT") == "CONSENT_MISSING" with input as {"request": {"emergency": "fire"}}
	clauses.failure_code(terms, c, "DEFAULT") == "NOT_AN_EMERGENCY" with input as {"request": {}}
	clauses.failure_code(terms, {"any_of": [emergency]}, "DEFAULT") == "DEFAULT" with input as {"request": {}}
	deep := {"all_of": [{"all_of": [consent]}]}
	clauses.failure_code(terms, deep, "DEFAULT") == "CONSENT_MISSING" with input as {"request": {}}
	none := {"none_of": [{"none_of": [consent]}]}
	clauses.failure_code(terms, none, "DEFAULT") == "DEFAULT" with input as {"request": {}}
}

test_allow_conditions_described_in_words if {
	clauses.describe(nested) == "any of (A; all of (B; C))"
	clauses.describe({"event": "martial_law"}) == "martial_law in force"
	clauses.describe(emergency) == "request.emergency in [\"fire\", \"flood\"]"
	clauses.describe({"odd": 1}) == "{\"odd\": 1}"
}

test_allow_absent_conditions_hold if {
	clauses.condition_holds_or_absent(terms, null)
	not clauses.condition_holds_or_absent(terms, consent) with input as {}
}

# A fourth level is beyond what the rules evaluate: it never holds (the terms check refuses it).
test_deny_a_fourth_level_never_holds if {
	deep := {"any_of": [{"all_of": [{"none_of": [{"declared": "C"}]}]}]}
	not clauses.holds(terms, deep) with input as {"activation": {"declarations": []}}
}
