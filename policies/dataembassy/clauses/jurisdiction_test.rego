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

test_deny_immunity_and_bans if {
	j_deny(terms, {"kind": "search", "requesting_state": "ZZ"}) == {"IMMUNITY"}
	j_deny(terms, {"kind": "access", "requesting_state": "QQ"}) == {"HOST_ACCESS_PROHIBITED"}
	j_deny(terms, {"kind": "entry", "requesting_state": "ZZ"}) == {"ENTRY_REFUSED"}
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

test_allow_court_orders_by_effect if {
	j_deny(courts, {"kind": "court_order", "requesting_state": "ZY", "court_state": "ZY"}) == set()
	clauses.court_permitted(courts) with input as ask({"kind": "court_order", "requesting_state": "ZY", "court_state": "ZY"})
	j_deny(courts, {"kind": "court_order", "requesting_state": "ZZ", "court_order": {"issuing_state": "ZZ"}}) == {"HOST_ORDERS_REFUSED"}
	j_deny(courts, {"kind": "court_order", "requesting_state": "ZZ", "court_order": {"issuing_state": "QQ"}}) == {"COURT_ORDER_NOT_RECOGNISED"}
}

audits := object.union(
	terms,
	{"clauses": {"audit": {
		"article": "a3",
		"by": [{"party": "originating_state", "scope": ["data"]}],
		"maximum": {"count": 1, "per": "P6M", "effect": "deny"},
	}}},
)

test_deny_audit_frequency_where_the_treaty_refuses if {
	j_deny(audits, {"kind": "audit", "requesting_state": "ZY", "previous_audits": ["2025-10-01"]}) == {"AUDIT_FREQUENCY_EXCEEDED"}
	j_deny(audits, {"kind": "audit", "requesting_state": "ZY", "previous_audits": ["2025-08-01"]}) == set()
	j_deny(audits, {"kind": "audit", "requesting_state": "ZY", "audits_this_year": 1}) == {"AUDIT_FREQUENCY_EXCEEDED"}
	j_deny(audits, {"kind": "audit", "requesting_state": "ZZ"}) == {"AUDIT_NOT_ENTITLED"}
}

test_allow_location_to_whom_the_treaty_names if {
	t := object.union(terms, {"clauses": {"location": {"article": "a3", "confidential": true}}})
	j_deny(t, {"kind": "disclose_location", "requesting_state": "ZY"}) == set()
	clauses.location_permitted(t) with input as ask({"kind": "disclose_location", "requesting_state": "ZY"})
	j_deny(t, {"kind": "disclose_location", "requesting_state": "ZZ"}) == {"LOCATION_CONFIDENTIAL"}
}

test_allow_an_immunity_waiver_in_any_form_when_the_treaty_allows_it if {
	t := object.union(terms, {"clauses": {"immunity": {"waiver": {"by": "originating_state", "form": "any"}}}})
	j_review(t, {"kind": "search", "requesting_state": "ZZ", "waiver": {"by": "ZY"}}) == {"IMMUNITY_WAIVER_REVIEW"}
}

test_allow_a_waiver_the_treaty_recognises_lifts_the_immunity if {
	t := object.union(terms, {"clauses": {"immunity": {"waiver": {"by": "originating_state", "effect": "recognised"}}}})
	j_review(t, {"kind": "search", "requesting_state": "ZZ", "waiver": {"by": "ZY", "express": true}}) == set()
	j_deny(t, {"kind": "search", "requesting_state": "ZZ", "waiver": {"by": "ZY", "express": true}}) == set()
	clauses.foreign_permitted(t) with input as ask({"kind": "search", "requesting_state": "ZZ", "waiver": {"by": "ZY", "express": true}})
}
