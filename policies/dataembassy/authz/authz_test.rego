package dataembassy.authz_test

import data.dataembassy.authz

ask(action, id, roles, res) := d if {
	d := authz.decision with input as {"action": action, "subject": {"id": id, "roles": roles}, "resource": res}
}

codes(d) := {r.code | some r in d.reasons}

test_a_legal_officer_reviews_someone_elses_version if {
	d := ask("agreement.version.review", "lola", ["LEGAL_OFFICER"], {"author": "leo"})
	d.allow
	d.reasons == []
}

test_nobody_reviews_their_own_version if {
	d := ask("agreement.version.review", "leo", ["LEGAL_OFFICER"], {"author": "leo"})
	not d.allow
	codes(d) == {"FOUR_EYES"}
}

test_the_role_table_refuses_other_roles if {
	d := ask("agreement.version.review", "sam", ["SECURITY_OFFICER"], {"author": "leo"})
	codes(d) == {"ROLE_MISSING"}
}

test_only_the_author_edits_a_draft if {
	ask("agreement.version.edit", "leo", ["LEGAL_OFFICER"], {"author": "leo"}).allow
	codes(ask("agreement.version.edit", "lola", ["LEGAL_OFFICER"], {"author": "leo"})) == {"NOT_THE_AUTHOR"}
}

test_four_eyes_on_requests if {
	codes(ask("onboarding.review", "lola", ["LEGAL_OFFICER"], {"requested_by": "lola"})) == {"FOUR_EYES"}
	codes(ask("onboarding.keys", "sam", ["SECURITY_OFFICER"], {"requested_by": "sam"})) == {"FOUR_EYES"}
	codes(ask("transfer.review", "lola", ["LEGAL_OFFICER"], {"requested_by": "lola"})) == {"FOUR_EYES"}
	ask("transfer.review", "lola", ["LEGAL_OFFICER"], {"requested_by": "dora"}).allow
	codes(ask("jurisdiction.assess", "lola", ["LEGAL_OFFICER"], {"reported_by": "lola"})) == {"FOUR_EYES"}
	codes(ask("jurisdiction.evacuation.confirm", "sam", ["SECURITY_OFFICER"], {"assessed_by": "sam"})) == {"FOUR_EYES"}
}

test_nobody_votes_twice if {
	ask("activation.vote", "cade", ["EMERGENCY_COMMITTEE"], {"voters": ["cora"]}).allow
	codes(ask("activation.vote", "cora", ["EMERGENCY_COMMITTEE"], {"voters": ["cora"]})) == {"ALREADY_VOTED"}
}

test_a_data_owner_acts_only_on_their_own_datasets if {
	ask("dataset.read", "dora", ["DATA_OWNER"], {"owner": "dora"}).allow
	codes(ask("dataset.read", "dan", ["DATA_OWNER"], {"owner": "dora"})) == {"NOT_THE_OWNER"}
	codes(ask("transfer.request", "dan", ["DATA_OWNER"], {"owner": "dora"})) == {"NOT_THE_OWNER"}
	ask("dataset.read", "aude", ["AUDITOR"], {"owner": "dora"}).allow
}

test_an_unrelated_second_role_does_not_lift_ownership if {
	# a data owner who also sits on the emergency committee still reads only their own datasets
	codes(ask("dataset.read", "dan", ["DATA_OWNER", "EMERGENCY_COMMITTEE"], {"owner": "dora"})) == {"NOT_THE_OWNER"}

	# transfers are requested only by data owners, so ownership holds whatever else the person is
	codes(ask("transfer.request", "dan", ["DATA_OWNER", "SECURITY_OFFICER"], {"owner": "dora"})) == {"NOT_THE_OWNER"}

	# a role that reads every dataset does
	ask("dataset.read", "sid", ["DATA_OWNER", "SECURITY_OFFICER"], {"owner": "dora"}).allow
	ask("dataset.read", "system:workflow", ["SYSTEM"], {"owner": "dora"}).allow
}

test_an_officer_of_another_state_is_refused if {
	d := authz.decision with input as {
		"action": "transfer.review",
		"subject": {"id": "lola", "roles": ["LEGAL_OFFICER"], "state": "MC"},
		"resource": {"requested_by": "dora", "state": "EE"},
	}
	codes(d) == {"OTHER_STATE"}
	same := authz.decision with input as {
		"action": "transfer.review",
		"subject": {"id": "lola", "roles": ["LEGAL_OFFICER"], "state": "EE"},
		"resource": {"requested_by": "dora", "state": "EE"},
	}
	same.allow
}

test_unknown_actions_and_anonymous_callers_are_refused if {
	d := ask("agreement.delete", "ada", ["ADMIN"], {})
	not d.allow
	"UNKNOWN_ACTION" in codes(d)
	codes(ask("dataset.read", "", [], {"owner": ""})) == {"ANONYMOUS", "ROLE_MISSING"}
}

test_reasons_come_sorted_by_code if {
	d := ask("agreement.version.review", "leo", ["SECURITY_OFFICER"], {"author": "leo"})
	[r.code | some r in d.reasons] == ["FOUR_EYES", "ROLE_MISSING"]
}
