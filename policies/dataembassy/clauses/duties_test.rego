package dataembassy.clauses_test

import data.dataembassy.clauses

dutiful := object.union(
	terms,
	{
		"articles": {"a8": {"number": "Art. 8"}},
		"clauses": {"periodic_duties": [{
			"code": "KEY_ROTATION",
			"action": "Rotate the data keys",
			"every": "P3M",
			"owed_by": "originating_state",
			"owed_to": "originating_state",
			"article": "a8",
		}]},
	},
)

duties_at(t, when, fulfilled) := d if {
	d := clauses.duties_of(t) with input as {"at": when, "facts": {"fulfilled": fulfilled}}
}

test_allow_periodic_duties_run_from_their_last_fulfilment if {
	[[o.code, o.due, o.status, o.article] | some o in duties_at(dutiful, at, {"KEY_ROTATION": "2026-01-15"})] == [[
		"KEY_ROTATION",
		"2026-04-16T00:00:00Z",
		"open",
		"Art. 8",
	]]
	[[o.code, o.due, o.status] | some o in duties_at(dutiful, at, {})] == [["KEY_ROTATION", "2025-04-02T00:00:00Z", "overdue"]]
}

# A fulfilment recorded before the anchor does not move the duty earlier.
test_allow_an_old_fulfilment_does_not_predate_the_anchor if {
	[o.due | some o in duties_at(dutiful, at, {"KEY_ROTATION": "2020-01-01"})] == ["2025-04-02T00:00:00Z"]
}

test_allow_periodic_duties_end_with_the_agreement if {
	t := object.union(
		dutiful,
		{"lifecycle": {"history": [{"status": "IN_FORCE", "from": "2025-01-01"}, {"status": "TERMINATED", "from": "2026-01-01"}]}},
	)
	duties_at(t, at, {}) == set()
}

test_deny_duties_need_a_decision_date if {
	duties_at(dutiful, "soon", {}) == set()
	codes(clauses.duties_deny.zy_zz) == {"INPUT_DATE_INVALID"} with data.dataembassy.agreements as {"zy_zz": {"terms": dutiful}}
		with input as {"at": "soon"}
}

test_allow_overdue_duties_ask_a_legal_officer if {
	r := clauses.duties_review.zy_zz with data.dataembassy.agreements as {"zy_zz": {"terms": dutiful}}
		with input as {"at": at, "facts": {"fulfilled": {}}}
	[[x.code, x.article, x.clause] | some x in r] == [["OBLIGATION_OVERDUE", "Art. 8", "periodic_duties.KEY_ROTATION"]]
}

# The tracker states fulfilments as a list; the latest day of each duty counts.
test_allow_fulfilments_stated_as_a_list if {
	d := clauses.duties_of(dutiful) with input as {"at": at, "facts": {"fulfilled": [
		{"code": "KEY_ROTATION", "on": "2025-12-01"},
		{"code": "KEY_ROTATION", "on": "2026-01-15"},
		{"code": "OTHER", "on": "2026-02-01"},
	]}}
	[[o.code, o.due] | some o in d] == [["KEY_ROTATION", "2026-04-16T00:00:00Z"]]
}
