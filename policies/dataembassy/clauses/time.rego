# Time: one documented rule for dates and periods (docs/policy-authoring.md, "Time").
# The decision date is input.at (RFC 3339), never the clock. Dates in terms are
# calendar days in UTC: a "from" day counts from its first instant, an "until" day
# is the last day included. A duty due "within P" of an instant is due at that
# instant plus P; of a day, the day itself is not counted (Regulation 1182/71,
# Art. 3): months and years land on the same date, or the month's last day when
# it has no such date, and the duty is due when that day has ended. A duty is
# overdue from the instant it is due.
package dataembassy.clauses

one_day_ns := ((24 * 3600) * 1000) * 1000000

now_ns := time.parse_rfc3339_ns(input.at) if is_string(input.at)

# now_day: the decision's calendar day in UTC. Days in terms are compared with it as text (YYYY-MM-DD sorts as
# it counts; the terms check refuses any other form): parsing a date costs OPA some 30 µs, and the lifecycle asks
# for it in every clause (docs/benchmarks.md, "Treaty rules of schema_version 2").
now_day := day_of(now_ns)

# at_stated: the input names a decision date, valid or not.
at_stated if object.get(input, "at", null) != null

date_pattern := `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`

day_ns(d) := time.parse_ns("2006-01-02", d)

# day_end_ns: the first instant after the day d (an inclusive "until").
day_end_ns(d) := day_ns(d) + one_day_ns

# instant_ns reads a day (its first instant) or an RFC 3339 timestamp.
instant_ns(s) := day_ns(s) if regex.match(date_pattern, s)

instant_ns(s) := time.parse_rfc3339_ns(s) if not regex.match(date_pattern, s)

rfc3339(ns) := time.format([ns, "UTC", "2006-01-02T15:04:05Z07:00"])

day_of(ns) := time.format([ns, "UTC", "2006-01-02"])

duration_pattern := `^P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?)?$`

# duration_parts: [years, months, weeks, days, hours, minutes] of an ISO 8601 duration.
duration_parts(d) := [part_number(g) | some g in array.slice(m[0], 1, 7)] if {
	d != "P"
	d != "PT"
	m := regex.find_all_string_submatch_n(duration_pattern, d, 1)
	count(m) == 1
}

part_number("") := 0

part_number(g) := to_number(g) if g != ""

# add_months moves an instant by whole months, keeping its time of day; a date the target
# month does not have becomes that month's last day (31 January + P1M is 28 or 29 February).
add_months(ns, months) := ns if {
	months == 0
} else := target if {
	[y, m, d] := time.date(ns)
	total := (((y * 12) + m) - 1) + months
	ty := floor(total / 12)
	tm := (total % 12) + 1
	first := time.parse_ns("2006-01-02", sprintf("%04d-%02d-01", [ty, tm]))
	last := time.date(time.add_date(first, 0, 1, 0) - one_day_ns)[2]
	target := (first + ((min([d, last]) - 1) * one_day_ns)) + (ns - day_ns(day_of(ns)))
}

# add_duration: the instant ns plus the ISO 8601 duration d.
add_duration(ns, d) := result if {
	p := duration_parts(d)
	moved := add_months(ns, (p[0] * 12) + p[1])
	result := (moved + (((p[2] * 7) + p[3]) * one_day_ns)) + ((((p[4] * 60) + p[5]) * 60) * 1000000000)
}

# due_after_day: when a duty "within d" of the day day is due (the day itself not counted).
due_after_day(day, d) := add_duration(day_ns(day), d) + one_day_ns

# in_period: the decision date lies in [from, until], until inclusive and optional.
in_period(from, until) if {
	from <= now_day
	not ended_by(until)
}

ended_by(until) if {
	is_string(until)
	now_day > until
}
