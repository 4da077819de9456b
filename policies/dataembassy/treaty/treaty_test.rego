package dataembassy.treaty_test

import data.dataembassy.activation
import data.dataembassy.jurisdiction
import data.dataembassy.onboarding
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

test_allow_evacuation_after_termination_within_the_window if {
	d := transfer.decision with input as evacuate("2030-03-01T00:00:00Z", "home-ee")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	d.allow
}

test_deny_evacuation_after_the_window_closes if {
	d := transfer.decision with input as evacuate("2031-01-01T00:00:00Z", "home-ee")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(d) == ["EVACUATION_WINDOW_CLOSED"]
	d.reasons[0].article == "Art. 14"
}

test_deny_evacuation_to_a_host_state_site if {
	d := transfer.decision with input as evacuate("2030-03-01T00:00:00Z", "embassy-lu")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(d) == ["EVACUATION_DESTINATION_NOT_ORIGIN"]
}

test_allow_evacuation_while_suspended if {
	d := transfer.decision with input as evacuate("2030-03-01T00:00:00Z", "home-ee")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle.status as "SUSPENDED"
	d.allow
}

test_deny_replication_while_terminated if {
	i := object.union(evacuate("2030-03-01T00:00:00Z", "home-ee"), {"transfer": {"purpose": "replication"}})
	d := transfer.decision with input as i
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(d) == ["AGREEMENT_NOT_IN_FORCE"]
}

test_deny_after_the_validity_window if {
	d := onboarding.decision with input as {"agreement": "ee_lu", "dataset": plain, "at": "2030-01-01T00:00:00Z"}
		with data.dataembassy.agreements.ee_lu.terms.validity.until as "2029-12-31"
	codes(d) == ["AGREEMENT_OUTSIDE_VALIDITY"]
}

test_allow_inside_the_validity_window if {
	d := onboarding.decision with input as {"agreement": "ee_lu", "dataset": plain, "at": "2029-12-30T23:00:00Z"}
		with data.dataembassy.agreements.ee_lu.terms.validity.until as "2029-12-31"
	d.allow
}

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

test_allow_entry_by_cleared_originating_staff if {
	d := jurisdiction.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "entry", "requesting_state": "EE", "personnel_cleared_by": "EE"},
	}
	d.allow
}

test_allow_location_known_to_the_originating_state if {
	d := jurisdiction.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "disclose_location", "requesting_state": "EE"},
	}
	d.allow
}

test_allow_declared_general_category if {
	d := onboarding.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"dataset": object.union(plain, {"categories": ["general"]}),
	}
	d.allow
}

test_deny_unknown_article_topic_cites_a_dash if {
	r := treaty.reason(treaty.agreements.ee_lu, "X", "m", "no_such_topic")
	r.article == "-"
	r.agreement == "ee-lu"
}

test_deny_host_access_without_prohibition_is_not_established if {
	d := jurisdiction.decision with input as {
		"agreement": "ee_lu",
		"at": "2026-03-01T00:00:00Z",
		"request": {"kind": "access", "requesting_state": "LU"},
	}
		with data.dataembassy.agreements.ee_lu.terms.host_access.prohibited as false
	codes(d) == ["NOT_ESTABLISHED"]
}

replicate_to_embassy := {
	"agreement": "ee_lu",
	"at": "2026-03-01T00:00:00Z",
	"dataset": plain,
	"transfer": {"from_site": "home-ee", "to_site": "embassy-lu", "purpose": "replication", "recipient_state": "EE"},
}

restriction := {"new_transfers_require_review": true, "since": "2026-11-27", "reference": "jurisdiction-review:r1"}

test_review_transfer_under_a_restricted_agreement if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.restrictions as restriction
	d.review_required
	not d.allow
	codes(d) == ["AGREEMENT_RESTRICTED"]
	d.reasons[0].article == "Art. 12"
	contains(d.reasons[0].message, "2026-11-27")
}

test_allow_transfer_when_the_restriction_is_lifted if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.restrictions as {"new_transfers_require_review": false}
	d.allow
}

test_deny_transfer_under_a_suspended_agreement_even_if_restricted if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.restrictions as restriction
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as {"status": "SUSPENDED", "suspended_from": "2026-02-27"}
	codes(d) == ["AGREEMENT_NOT_IN_FORCE"]
}

# A suspension or termination takes effect on its date: a decision dated before it sees the
# agreement as it was, so the agreement's own tests, which state their
# decision date, keep their answers through a suspension version.
test_allow_a_decision_dated_before_the_suspension_takes_effect if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as {"status": "SUSPENDED", "suspended_from": "2026-11-27"}
	d.allow
}

test_allow_a_decision_dated_before_the_termination_takes_effect if {
	d := transfer.decision with input as replicate_to_embassy
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as {"status": "TERMINATED", "terminated_on": "2026-03-02"}
	d.allow
	ended := transfer.decision with input as object.union(replicate_to_embassy, {"at": "2026-03-02T00:00:00Z"})
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as {"status": "TERMINATED", "terminated_on": "2026-03-02"}
	codes(ended) == ["AGREEMENT_NOT_IN_FORCE"]
}

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

# The rules never read the clock: a decision input without "at" is refused with a reason that says so,
# at every entry point, and an evacuation is no exception.
test_deny_without_a_decision_date_says_so if {
	d := onboarding.decision with input as {"agreement": "ee_lu", "dataset": plain}
	not d.allow
	codes(d) == ["INPUT_DATE_MISSING"]
	d.reasons[0].agreement == "ee-lu"
}

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

test_deny_evacuation_without_a_decision_date if {
	d := transfer.decision with input as object.remove(evacuate("2030-03-01T00:00:00Z", "home-ee"), ["at"])
		with data.dataembassy.agreements.ee_lu.terms.lifecycle.status as "SUSPENDED"
	codes(d) == ["INPUT_DATE_MISSING"]
	e := transfer.decision with input as object.remove(evacuate("2030-03-01T00:00:00Z", "home-ee"), ["at"])
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(e) == ["INPUT_DATE_MISSING"]
}

test_deny_a_decision_date_that_is_not_rfc3339_without_claiming_the_window_closed if {
	d := transfer.decision with input as evacuate("soon", "home-ee")
		with data.dataembassy.agreements.ee_lu.terms.lifecycle as terminated
	codes(d) == ["INPUT_DATE_INVALID"]
}
