package dataembassy.clauses_test

import data.dataembassy.clauses

with_events(rules) := object.union(terms, {"clauses": object.union(terms.clauses, {"host_events": {"article": "a3", "rules": rules}})})

event(kind, state) := {"id": "e1", "kind": kind, "state": state, "start": "2026-02-01", "sites": ["emb"], "reference": "gazette 4"}

facts(events) := {"at": at, "facts": {"events": events}}

test_deny_an_event_the_treaty_says_suspends if {
	t := with_events([{"event": "armed_conflict", "operations": ["*"], "effect": "suspends"}])
	r := clauses.events_deny(t, "onboarding", []) with input as facts([event("armed_conflict", "ZZ")])
	[[x.code, x.article] | some x in r] == [["SUSPENDED_BY_EVENT", "Art. 3"]]
}

test_deny_an_event_with_its_own_code if {
	t := with_events([{"event": "new_law", "operations": ["onboarding"], "effect": "deny", "code": "HOST_LAW_BARS"}])
	codes(clauses.events_deny(t, "onboarding", [])) == {"HOST_LAW_BARS"} with input as facts([event("new_law", "ZZ")])
}

# A suspension ground asks a legal officer and creates the duty to decide on suspension.
test_allow_a_suspension_ground_is_a_question_and_a_duty if {
	t := with_events([{"event": "martial_law", "operations": ["onboarding"], "effect": "suspension_ground", "decide_within": "P3D"}])
	codes(clauses.events_review(t, "onboarding", [])) == {"SUSPENSION_GROUND_PRESENT"} with input as facts([event("martial_law", "ZZ")])
	[[o.code, o.due] | some o in clauses.events_obligations(t, "onboarding", [])] == [[
		"CONSIDER_SUSPENSION",
		"2026-03-04T00:00:00Z",
	]] with input as facts([event("martial_law", "ZZ")])
}

test_allow_site_events_only_touch_their_sites if {
	t := with_events([{"event": "site_incident", "operations": ["transfer.*"], "effect": "review", "sites_only": true}])
	codes(clauses.events_review(
		t,
		"transfer.replication",
		["home", "emb"],
	)) == {"HOST_EVENT_SITE_INCIDENT"} with input as facts([event("site_incident", "ZZ")])
	clauses.events_review(t, "transfer.replication", ["home"]) == set() with input as facts([event("site_incident", "ZZ")])
}

test_allow_events_in_the_originating_state_are_not_the_hosts if {
	t := with_events([{"event": "martial_law", "operations": ["*"], "effect": "review"}])
	clauses.events_review(t, "onboarding", []) == set() with input as facts([event("martial_law", "ZY")])
}

# Silence on a grave event is not permission to place data there.
test_allow_grave_events_the_treaty_does_not_address_go_to_a_legal_officer if {
	r := clauses.events_review(terms, "onboarding", []) with input as facts([event("state_of_emergency", "ZZ")])
	[[x.code, x.origin] | some x in r] == [["HOST_EVENT_UNADDRESSED", "portal"]]
	clauses.events_review(terms, "transfer.restore", []) == set() with input as facts([event("state_of_emergency", "ZZ")])
	clauses.events_review(terms, "onboarding", []) == set() with input as facts([event("change_of_government", "ZZ")])
}

test_allow_ended_events_have_no_effect if {
	ended := object.union(event("state_of_emergency", "ZZ"), {"end": "2026-02-28"})
	clauses.events_review(terms, "onboarding", []) == set() with input as facts([ended])
}
