package dataembassy.clauses_test

import data.dataembassy.clauses

agreements := {"zy_zz": {"terms": terms}}

test_allow_onboarding_established_in_force_and_permitted if {
	clauses.onboarding_established.zy_zz with data.dataembassy.agreements as agreements
		with input as {"at": at, "dataset": {"classification": "PUBLIC"}}
	not clauses.onboarding_deny.zy_zz with data.dataembassy.agreements as agreements
		with input as {"at": at, "dataset": {"classification": "PUBLIC"}}
}

test_deny_onboarding_not_established_outside_the_list if {
	not clauses.onboarding_established.zy_zz with data.dataembassy.agreements as agreements
		with input as {"at": at, "dataset": {"classification": "SECRET"}}
}

test_allow_onboarding_carries_the_notification_duties if {
	t := object.union(
		terms,
		{"clauses": {"notification": {
			"article": "a3",
			"duties": [{
				"code": "TELL_HOST",
				"action": "Tell the host",
				"within": "P1D",
				"owed_by": "originating_state",
				"owed_to": "host_state",
				"on": ["onboarding"],
			}],
		}}},
	)
	os := clauses.onboarding_obligations.zy_zz with data.dataembassy.agreements as {"zy_zz": {"terms": t}}
		with input as {"at": at, "dataset": {"classification": "PUBLIC"}}
	[[o.code, o.due, o.article, o.owed_by] | some o in os] == [["TELL_HOST", "2026-03-02T00:00:00Z", "Art. 3", "ZY"]]
}
