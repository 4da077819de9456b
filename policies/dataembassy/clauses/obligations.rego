# Obligations: duties a decision carries (never a precondition of it). A duty template
# {code, action, within | by_date, owed_by, owed_to, article?, fulfilled_by?} becomes an obligation
# {code, action, article, clause, agreement, owed_by, owed_to, due, within?, fulfilled_by?}: due
# is the first instant at which the duty is overdue (time.rego), always absolute, in UTC;
# fulfilled_by names the portal activity that meets the duty when it is done (a closed
# jurisdiction review), so the portal records it fulfilled without a legal officer's entry.
package dataembassy.clauses

obligation_base(t, path, akey, duty) := object.union(obligation_core(t, path, akey, duty), met_by(duty))

met_by(duty) := {"fulfilled_by": duty.fulfilled_by} if is_string(duty.fulfilled_by)

else := {}

obligation_core(t, path, akey, duty) := {
	"code": duty.code,
	"action": duty.action,
	"article": article_number(t, object.get(duty, "article", akey)),
	"clause": path,
	"agreement": t.id,
	"owed_by": party_code(t, duty.owed_by),
	"owed_to": party_code(t, duty.owed_to),
}

# obligation: due within the duty's period of the instant anchor_ns, or by its fixed date.
obligation(t, path, akey, duty, anchor_ns) := object.union(obligation_base(t, path, akey, duty), {
	"due": rfc3339(add_duration(anchor_ns, duty.within)),
	"within": duty.within,
}) if {
	is_string(duty.within)
} else := object.union(obligation_base(t, path, akey, duty), {"due": rfc3339(day_end_ns(duty.by_date))})

# day_obligation: due within the duty's period of the day day, the day itself not counted.
day_obligation(t, path, akey, duty, day) := object.union(obligation_base(t, path, akey, duty), {
	"due": rfc3339(due_after_day(day, duty.within)),
	"within": duty.within,
}) if {
	is_string(duty.within)
} else := object.union(obligation_base(t, path, akey, duty), {"due": rfc3339(day_end_ns(duty.by_date))})

# notification_obligations: the notification clause's duties owed after operation op.
notification_obligations(t, op) := {obligation(t, "notification", clause_article(t, "notification"), duty, now_ns) |
	some duty in object.get(clauses(t), ["notification", "duties"], [])
	op in object.get(duty, "on", [])
}
