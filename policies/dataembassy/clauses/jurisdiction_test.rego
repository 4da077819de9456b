package dataembassy.clauses_test

import data.dataembassy.clauses

ask(req) := {"at": at, "request": req}

j_deny(t, req) := c if {
	c := codes(clauses.jurisdiction_deny_of(t)) with input as ask(req)
}

j_review(t, req) := c if {
	c := codes(clauses.jurisdiction_review_of(t)) with input as ask(req)
}

test_deny_unknown_request_kinds if {
	j_deny(terms, {"kind": "seizure", "requesting_state": "ZZ"}) == {"REQUEST_KIND_UNKNOWN"}
}

# A request that does not say where it comes from counts as foreign.
test_deny_unstated_requesting_state_is_foreign if {
	j_deny(terms, {"kind": "access"}) == {"HOST_ACCESS_PROHIBITED"}
}

# immunity.survives is empty here: once the agreement ended, a legal officer decides.
test_allow_protection_that_does_not_survive_lapses_to_review if {
	t := object.union(
		terms,
		{"lifecycle": {"history": [{"status": "IN_FORCE", "from": "2025-01-01"}, {"status": "TERMINATED", "from": "2026-01-01"}]}},
	)
	j_deny(t, {"kind": "search", "requesting_state": "ZZ"}) == set()
	j_review(t, {"kind": "search", "requesting_state": "ZZ"}) == {"PROTECTION_LAPSED"}
}

test_allow_silence_is_a_question if {
	j_review(terms, {"kind": "audit", "requesting_state": "ZY"}) == {"NO_CLAUSE_APPLIES"}
	j_review(terms, {"kind": "access", "requesting_state": "ZY", "person": {"acting_for": "ZY", "cleared_by": "ZY"}}) == {"NO_CLAUSE_APPLIES"}
}

personnel := object.union(
	terms,
	{"clauses": {"personnel": {"rules": [{
		"id": "own",
		"article": "a3",
		"acting_for": ["originating_state"],
		"cleared_by": ["originating_state"],
		"operations": ["access"],
	}]}}},
)

# Terms written for schema_version 1 inputs: personnel_cleared_by stands for the person's clearance.
test_allow_the_v1_clearance_field_is_read if {
	j_deny(personnel, {"kind": "access", "requesting_state": "ZY", "personnel_cleared_by": "ZY"}) == set()
	clauses.jurisdiction_window(personnel) with input as ask({"kind": "access", "requesting_state": "ZY", "personnel_cleared_by": "ZY"})
	j_deny(personnel, {"kind": "access", "requesting_state": "ZY", "personnel_cleared_by": "ZZ"}) == {"PERSONNEL_NOT_CLEARED"}
	j_deny(personnel, {"kind": "entry", "requesting_state": "ZY", "personnel_cleared_by": "ZY"}) == {"PERSONNEL_NOT_AUTHORISED"}
}

courts := object.union(terms, {"clauses": {"jurisdiction": {"article": "a3", "court_orders": [
	{"id": "own", "from": ["originating_state"], "effect": "recognised"},
	{"id": "host", "from": ["host_state"], "effect": "deny", "code": "HOST_ORDERS_REFUSED"},
]}}})

audits := object.union(
	terms,
	{"clauses": {"audit": {
		"article": "a3",
		"by": [{"party": "originating_state", "scope": ["data"]}],
		"maximum": {"count": 1, "per": "P6M", "effect": "deny"},
	}}},
)
