package dataembassy.duties_test

import data.dataembassy.duties

# The seeds (schema_version 1) state no duties with a schedule: nothing is owed, nothing overdue.
test_allow_an_agreement_without_scheduled_duties_owes_none if {
	d := duties.decision with input as {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z"}
	d.allow
	d.obligations == []
}

test_deny_an_unknown_agreement if {
	d := duties.decision with input as {"agreement": "zz_top", "at": "2026-03-01T00:00:00Z"}
	[r.code | some r in d.reasons] == ["AGREEMENT_UNKNOWN"]
}

test_deny_a_package_with_malformed_duties if {
	d := duties.decision with input as {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z"}
		with data.dataembassy.agreements.ee_lu.duties_obligations as {{"code": "X"}}
		with data.dataembassy.agreements.ee_lu.duties_deny as set()
		with data.dataembassy.agreements.ee_lu.duties_review as set()
	[r.code | some r in d.reasons] == ["TREATY_CONTRACT_BROKEN"]
}
