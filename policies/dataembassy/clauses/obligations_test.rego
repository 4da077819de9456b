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
