package dataembassy.clauses_test

import data.dataembassy.clauses

ts(ns) := clauses.rfc3339(ns)

test_allow_durations_add_calendar_months_and_clock_time if {
	ts(clauses.add_duration(clauses.day_ns("2027-01-01"), "P90D")) == "2027-04-01T00:00:00Z"
	ts(clauses.add_duration(time.parse_rfc3339_ns("2026-03-01T00:00:00Z"), "PT24H")) == "2026-03-02T00:00:00Z"
	ts(clauses.add_duration(time.parse_rfc3339_ns("2026-03-01T10:00:00Z"), "PT1H30M")) == "2026-03-01T11:30:00Z"
	ts(clauses.add_duration(clauses.day_ns("2026-01-01"), "P1Y2M1W")) == "2027-03-08T00:00:00Z"
}

test_allow_month_ends_clamp if {
	ts(clauses.add_duration(clauses.day_ns("2026-01-31"), "P1M")) == "2026-02-28T00:00:00Z"
	ts(clauses.add_duration(clauses.day_ns("2028-01-31"), "P1M")) == "2028-02-29T00:00:00Z"
	ts(clauses.add_duration(clauses.day_ns("2028-02-29"), "P1Y")) == "2029-02-28T00:00:00Z"
	ts(clauses.add_months(clauses.day_ns("2026-03-31"), -1)) == "2026-02-28T00:00:00Z"
}

test_deny_malformed_durations if {
	not clauses.duration_parts("P")
	not clauses.duration_parts("PT")
	not clauses.duration_parts("3 days")
	not clauses.duration_parts("P1.5D")
}

# Regulation 1182/71: the day of the event is not counted; the duty is due when the last day ends.
test_allow_duties_after_a_day_do_not_count_that_day if {
	ts(clauses.due_after_day("2027-01-01", "P90D")) == "2027-04-02T00:00:00Z"
	ts(clauses.due_after_day("2025-06-10", "P12M")) == "2026-06-11T00:00:00Z"
}

test_allow_periods_include_their_last_day if {
	clauses.in_period("2026-01-01", "2026-03-01") with input as {"at": "2026-03-01T23:59:59Z"}
	not clauses.in_period("2026-01-01", "2026-02-28") with input as {"at": "2026-03-01T00:00:00Z"}
	clauses.in_period("2026-01-01", null) with input as {"at": "2026-03-01T00:00:00Z"}
	not clauses.in_period("2026-03-02", null) with input as {"at": "2026-03-01T00:00:00Z"}
}

test_allow_instants_read_days_and_timestamps if {
	clauses.instant_ns("2026-03-01") == clauses.instant_ns("2026-03-01T00:00:00Z")
	clauses.day_of(clauses.instant_ns("2026-03-01T13:00:00+02:00")) == "2026-03-01"
}
