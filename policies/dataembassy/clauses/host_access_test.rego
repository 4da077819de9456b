package dataembassy.clauses_test

import data.dataembassy.clauses

test_deny_immunity_and_bans if {
	j_deny(terms, {"kind": "search", "requesting_state": "ZZ"}) == {"IMMUNITY"}
	j_deny(terms, {"kind": "access", "requesting_state": "QQ"}) == {"HOST_ACCESS_PROHIBITED"}
	j_deny(terms, {"kind": "entry", "requesting_state": "ZZ"}) == {"ENTRY_REFUSED"}
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
