package dataembassy.clauses_test

import data.dataembassy.clauses

test_allow_obligations_due_by_a_fixed_date if {
	duty := {"code": "REPORT", "action": "Report", "by_date": "2026-06-30", "owed_by": "host_state", "owed_to": "originating_state"}
	o := clauses.obligation(terms, "notification", "a3", duty, 0)
	o.due == "2026-07-01T00:00:00Z"
	o.owed_by == "ZZ"
	o.article == "Art. 3"
	not o.within
	clauses.day_obligation(terms, "notification", "a3", duty, "2026-01-01").due == "2026-07-01T00:00:00Z"
}

test_allow_a_duty_cites_its_own_article_first if {
	duty := {"code": "REPORT", "action": "Report", "within": "PT1H", "owed_by": "host_state", "owed_to": "originating_state", "article": "a1"}
	clauses.obligation(terms, "notification", "a3", duty, time.parse_rfc3339_ns(at)).article == "Art. 1"
}

# A duty a portal activity meets says which; one that says nothing carries no such field.
test_allow_a_duty_names_the_activity_that_meets_it if {
	duty := {
		"code": "ASSESS",
		"action": "Assess",
		"within": "P1Y",
		"owed_by": "originating_state",
		"owed_to": "host_state",
		"fulfilled_by": "jurisdiction_review",
	}
	clauses.obligation(terms, "periodic_duties", "a3", duty, 0).fulfilled_by == "jurisdiction_review"
	plain := object.remove(duty, ["fulfilled_by"])
	not clauses.obligation(terms, "periodic_duties", "a3", plain, 0).fulfilled_by
}
