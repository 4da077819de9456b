package dataembassy.clauses_test

import data.dataembassy.clauses

# A small agreement of schema_version 2 the unit tests share (the fictional agreements with full
# case tables live in policies-test/). Its shape is deliberately unlike the seeds.
terms := {
	"schema_version": 2, "id": "zy-zz",
	"parties": {"originating_state": "ZY", "host_state": "ZZ"},
	"articles": {"a1": {"number": "Art. 1"}, "a2": {"number": "Art. 2"}, "a3": {"number": "Art. 3"}, "a9": {"number": "Art. 9"}},
	"lifecycle": {"article": "a9", "history": [{"status": "IN_FORCE", "from": "2025-01-01"}]},
	"validity": {"from": "2025-01-01", "article": "a9"},
	"sites": {"list": [{"id": "home", "state": "ZY", "role": "origin"}, {"id": "emb", "state": "ZZ", "role": "embassy"}]},
	"clauses": {
		"data_scope": {
			"article": "a1",
			"classification": {"allowed": ["PUBLIC", "RESTRICTED"]},
			"categories": {"mode": "open", "excluded": ["biometric"]},
			"registers": {"covered": "any", "review": "any", "review_on": ["transfer"]},
		},
		"host_access": {"article": "a2", "prohibited": ["access"], "controlled": [{"kind": "entry", "effect": "deny", "code": "ENTRY_REFUSED"}]},
		"immunity": {"article": "a2", "from": ["search"], "survives": []},
		"suspension": {"article": "a3", "never_suspended": ["transfer.restore"]},
	},
}

at := "2026-03-01T00:00:00Z"

codes(reasons) := {r.code | some r in reasons}

test_allow_party_words_resolve_to_codes if {
	clauses.party_codes(terms, "either_party") == {"ZY", "ZZ"}
	clauses.party_code(terms, "host_state") == "ZZ"
	clauses.party_code(terms, "XQ") == "XQ"
	clauses.parties_in(terms, ["originating_state", "XQ"]) == {"ZY", "XQ"}
	clauses.value(terms, "originating_state") == "ZY"
	clauses.value(terms, 7) == 7
}

test_allow_articles_resolve_from_clause_and_rule if {
	clauses.article_number(terms, "a1") == "Art. 1"
	clauses.article_number(terms, null) == ""
	clauses.article_number(terms, "nowhere") == ""
	clauses.rule_article(terms, "host_access", {"article": "a3"}) == "a3"
	clauses.rule_article(terms, "host_access", {}) == "a2"
}

test_allow_treaty_reasons_say_clause_and_origin if {
	r := clauses.clause_reason(terms, "data_scope", "X", "m")
	r == {"code": "X", "message": "m", "article": "Art. 1", "agreement": "zy-zz", "clause": "data_scope", "origin": "treaty"}
	p := clauses.portal_reason(terms, "Y", "m")
	p.article == "-"
	p.origin == "portal"
}

# The hand-written interface reason(t, code, message, topic) maps the v1 topics to clauses.
test_allow_hand_written_reasons_cite_the_topic_clause if {
	clauses.reason(terms, "X", "m", "permitted_data").article == "Art. 1"
	clauses.reason(terms, "X", "m", "permitted_data").clause == "data_scope"
	clauses.reason(terms, "X", "m", "scope").article == "Art. 9"
	clauses.reason(terms, "X", "m", "a3").article == "Art. 3"
	clauses.reason(terms, "X", "m", "sites").article == ""
}

test_allow_operation_patterns if {
	clauses.op_matches("transfer.restore", "*")
	clauses.op_matches("transfer.restore", "transfer.*")
	clauses.op_matches("transfer.restore", "transfer")
	not clauses.op_matches("transfer.restore", "transfer.replication")
	not clauses.op_matches("transferx", "transfer")
	clauses.in_scope("onboarding", ["activation", "onboarding"])
}

test_allow_only_schema_version_2_terms_are_read_here if {
	ks := object.keys(clauses.agreements) with data.dataembassy.agreements as {"a_b": {"terms": terms}, "c_d": {"terms": {"id": "c-d"}}}
	ks == {"a_b"}
}
