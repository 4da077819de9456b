package dataembassy.clauses_test

import data.dataembassy.clauses

move(from, to, purpose, recipient) := {
	"at": at,
	"dataset": {"classification": "PUBLIC"},
	"transfer": {"from_site": from, "to_site": to, "purpose": purpose, "recipient_state": recipient},
}

transfer_codes(inp) := c if {
	c := codes(clauses.transfer_deny_of(terms) | clauses.transfer_route_deny(terms)) with input as inp
}

test_deny_a_route_against_the_purpose if {
	transfer_codes(move("emb", "home", "replication", "ZY")) == {"TRANSFER_ROUTE_NOT_PERMITTED"}
	transfer_codes(move("home", "emb", "restore", "ZY")) == {"TRANSFER_ROUTE_NOT_PERMITTED"}
	transfer_codes(move("home", "emb", "replication", "ZY")) == set()
}

test_deny_unknown_purposes_and_sites if {
	transfer_codes(move("home", "emb", "backup", "ZY")) == {"TRANSFER_PURPOSE_UNKNOWN"}
	transfer_codes(move("home", "moon", "replication", "ZY")) == {"SITE_NOT_COVERED"}
}

# Without a disclose_data ban, data for a third state is a legal officer's question.
test_allow_recipients_without_a_ban_are_a_question if {
	[x.code | some x in clauses.recipient_review(terms)] == ["NO_CLAUSE_APPLIES"] with input as move("home", "emb", "replication", "QQ")
	clauses.recipient_deny(terms) == set() with input as move("home", "emb", "replication", "QQ")
}

terminated := object.union(terms, {
	"lifecycle": {"article": "a9", "history": [{"status": "IN_FORCE", "from": "2025-01-01"}, {"status": "TERMINATED", "from": "2026-01-01"}]},
	"clauses": {"evacuation": {"article": "a3", "within": "P30D", "after_deadline": "deny"}},
})

test_deny_a_late_evacuation_where_the_treaty_says_so if {
	r := clauses.evacuation_deny(terminated) with input as move("emb", "home", "evacuation", "ZY")
	[[x.code, x.article] | some x in r] == [["EVACUATION_OVERDUE", "Art. 3"]]
	clauses.evacuation_obligations(terminated) == set() with input as move("emb", "home", "evacuation", "ZY")
}

test_allow_an_evacuation_in_time_carries_its_duty if {
	inp := object.union(move("emb", "home", "evacuation", "ZY"), {"at": "2026-01-15T00:00:00Z"})
	clauses.evacuation_deny(terminated) == set() with input as inp
	[[o.code, o.due, o.owed_by, o.owed_to] | some o in clauses.evacuation_obligations(terminated)] == [[
		"EVACUATION_COMPLETE",
		"2026-02-01T00:00:00Z",
		"ZY",
		"ZZ",
	]] with input as inp
	clauses.transfer_window(terminated) with input as inp
}

test_allow_evacuation_without_a_clause_is_a_question if {
	t := json.remove(terminated, ["clauses/evacuation"])
	[x.code | some x in clauses.evacuation_review(t)] == ["NO_CLAUSE_APPLIES"] with input as move("emb", "home", "evacuation", "ZY")
}
