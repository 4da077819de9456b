package dataembassy.treaty_test

import data.dataembassy.activation
import data.dataembassy.jurisdiction
import data.dataembassy.transfer
import data.dataembassy.treaty

codes(decision) := [r.code | some r in decision.reasons]

plain := {"classification": "INTERNAL", "personal_data": false, "register": ""}

evacuate(at, to_site) := {
	"agreement": "ee_lu",
	"at": at,
	"dataset": plain,
	"transfer": {"from_site": "embassy-lu", "to_site": to_site, "purpose": "evacuation", "recipient_state": "EE"},
}

terminated := {"status": "TERMINATED", "terminated_on": "2030-01-01"}

test_deny_jurisdiction_and_activation_while_suspended if {
	j := jurisdiction.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "audit", "requesting_state": "EE", "audits_this_year": 0},
	}
		with data.dataembassy.agreements.ee_lu.terms.lifecycle.status as "SUSPENDED"
	codes(j) == ["AGREEMENT_NOT_IN_FORCE"]
	a := activation.decision with input as {"agreement": "ee_lu", "at": "2026-03-01T00:00:00Z", "activation": {}}
		with data.dataembassy.agreements.ee_lu.terms.lifecycle.status as "SUSPENDED"
	"AGREEMENT_NOT_IN_FORCE" in codes(a)
}

test_deny_unknown_article_topic_cites_a_dash if {
	r := treaty.reason(treaty.agreements.ee_lu, "X", "m", "no_such_topic")
	r.article == "-"
	r.agreement == "ee-lu"
}

replicate_to_embassy := {
	"agreement": "ee_lu",
	"at": "2026-03-01T00:00:00Z",
	"dataset": plain,
	"transfer": {"from_site": "home-ee", "to_site": "embassy-lu", "purpose": "replication", "recipient_state": "EE"},
}

restriction := {"new_transfers_require_review": true, "since": "2026-11-27", "reference": "jurisdiction-review:r1"}

test_deny_without_a_decision_date_at_every_entry_point if {
	t := transfer.decision with input as object.remove(replicate_to_embassy, ["at"])
	codes(t) == ["INPUT_DATE_MISSING"]
	j := jurisdiction.decision with input as {
		"agreement": "ee_lu",
		"request": {"kind": "access", "requesting_state": "EE", "personnel_cleared_by": "EE"},
	}
	codes(j) == ["INPUT_DATE_MISSING"]
	a := activation.decision with input as {"agreement": "ee_lu", "activation": {
		"stage": "trigger",
		"triggered_by": {"id": "cora", "role": "GOVERNMENT_CIO"},
		"declarations": ["CRISIS_DECLARED", "PRIMARY_SITES_UNAVAILABLE"],
		"site": "embassy-lu",
	}}
	codes(a) == ["INPUT_DATE_MISSING"]
}
