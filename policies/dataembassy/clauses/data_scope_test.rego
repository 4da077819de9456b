package dataembassy.clauses_test

import data.dataembassy.clauses

data_codes(op, ds) := c if {
	c := codes(clauses.data_clauses_deny(terms, op) | clauses.data_clauses_review(terms, op)) with input as {"at": at, "dataset": ds}
}

test_deny_classification_outside_a_closed_list if {
	data_codes("onboarding", {"classification": "INTERNAL"}) == {"CLASSIFICATION_NOT_PERMITTED"}
	data_codes("onboarding", {"classification": "HUSH"}) == {"CLASSIFICATION_UNKNOWN"}
}

test_deny_excluded_category_of_open_list if {
	"CATEGORY_EXCLUDED" in data_codes("onboarding", {"classification": "PUBLIC", "categories": ["biometric"]})
	not "CATEGORY_EXCLUDED" in data_codes("onboarding", {"classification": "PUBLIC", "categories": ["weather"]})
}

# review "any" reviews every register, here only on transfers (review_on).
test_allow_register_review_where_the_clause_says if {
	"REGISTER_REVIEW" in data_codes("transfer.replication", {"classification": "PUBLIC", "register": "land"})
	not "REGISTER_REVIEW" in data_codes("onboarding", {"classification": "PUBLIC", "register": "land"})
}

test_deny_personal_data_without_a_clause_is_a_question if {
	r := clauses.personal_deny(terms) with input as {"dataset": {"personal_data": true}}
	[[x.code, x.origin] | some x in r] == [["NO_CLAUSE_APPLIES", "portal"]]
}

test_deny_personal_data_refused if {
	t := object.union(terms, {"clauses": object.union(terms.clauses, {"personal_data": {"article": "a1", "allowed": false}})})
	codes(clauses.personal_deny(t)) == {"PERSONAL_DATA_NOT_PERMITTED"} with input as {"dataset": {"personal_data": true}}
}

# Data clauses govern what goes into the host state, not what comes back.
test_allow_outbound_operations_are_not_judged_by_data_clauses if {
	data_codes("transfer.restore", {"classification": "TOP_SECRET", "categories": ["biometric"]}) == set()
	data_codes("transfer.restore", {"classification": "HUSH"}) == {"CLASSIFICATION_UNKNOWN"}
}

test_deny_without_a_data_scope_clause_is_a_question if {
	t := json.remove(terms, ["clauses/data_scope"])
	r := clauses.data_clauses_review(t, "onboarding") with input as {"dataset": {"classification": "PUBLIC"}}
	[[x.code, x.origin] | some x in r] == [["NO_CLAUSE_APPLIES", "portal"]]
}
