package dataembassy.treaty_test

import data.dataembassy.activation

test_allow_activation_conditions_at_the_trigger_stage_without_votes_or_notice if {
	d := activation.decision with input as {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z", "activation": {
		"stage": "trigger",
		"triggered_by": {"id": "cora", "role": "GOVERNMENT_CIO"},
		"declarations": ["CRISIS_DECLARED", "PRIMARY_SITES_UNAVAILABLE"],
		"site": "embassy-lu",
	}}
	d.allow
}

test_deny_activation_the_trigger_counts_once_towards_the_quorum if {
	d := activation.decision with input as {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z", "activation": {
		"triggered_by": {"id": "cora", "role": "GOVERNMENT_CIO"},
		"approvals": [{"id": "cora", "role": "GOVERNMENT_CIO"}, {"id": "cade", "role": "CRISIS_COORDINATOR"}],
		"declarations": ["CRISIS_DECLARED", "PRIMARY_SITES_UNAVAILABLE"],
		"site": "embassy-lu",
		"host_state_notified": true,
	}}
	codes(d) == ["ACTIVATION_QUORUM_NOT_MET"]
	contains(d.reasons[0].message, "2 approved")
}
