# Lifecycle: the agreement's dated history (DRAFT -> SIGNED -> IN_FORCE <-> SUSPENDED ->
# TERMINATED), its validity, scoped suspensions and the measures a jurisdiction review
# imposed. The rules never read lifecycle.status: they take the status of the last
# history entry dated on or before the decision date, so a suspension recorded for a
# later day never applies to an earlier decision.
package dataembassy.clauses

history(t) := object.get(t, ["lifecycle", "history"], [])

entries_at(t) := [e | some e in history(t); e.from <= now_day]

# current_entry: the history entry in effect at the decision date (undefined before the first).
current_entry(t) := es[count(es) - 1] if {
	es := entries_at(t)
	count(es) > 0
}

status_at(t) := current_entry(t).status if current_entry(t)

else := "DRAFT"

# The first day the agreement was in force (undefined when it never was).
in_force_since(t) := days[0] if {
	days := [e.from | some e in history(t); e.status == "IN_FORCE"]
	count(days) > 0
}

before_validity(t) if now_day < t.validity.from

expired(t) if ended_by(object.get(t, ["validity", "until"], null))

terminated(t) if status_at(t) == "TERMINATED"

# ended: terminated, or past the last day of validity.
ended(t) if terminated(t)

ended(t) if expired(t)

# ended_day: the first day the agreement no longer applies (what evacuation counts from).
ended_day(t) := current_entry(t).from if {
	terminated(t)
} else := day_of(day_end_ns(t.validity.until))

# never_in_force: at the decision date the agreement has not entered into force.
never_in_force(t) if status_at(t) in {"DRAFT", "SIGNED"}

never_in_force(t) if before_validity(t)

suspension_scope(t) := object.get(current_entry(t), "scope", ["*"])

never_suspended(t) := object.get(clauses(t), ["suspension", "never_suspended"], [])

# suspended_for: a suspension in effect at the decision date covers the operation.
suspended_for(t, op) if {
	status_at(t) == "SUSPENDED"
	in_scope(op, suspension_scope(t))
	not in_scope(op, never_suspended(t))
}

# operative: the agreement applies to the operation at the decision date.
operative(t, op) if {
	is_number(now_ns)
	status_at(t) in {"IN_FORCE", "SUSPENDED"}
	not suspended_for(t, op)
	not before_validity(t)
	not expired(t)
}

# ---------------------------------------------------------------- reasons

# time_reasons: without a valid decision date nothing is in force, and the reason says why.
time_reasons(t) := {portal_reason(
	t,
	"INPUT_DATE_MISSING",
	"The decision input states no decision date (\"at\", RFC 3339); the rules never read the clock.",
) |
	not at_stated
} | {portal_reason(t, "INPUT_DATE_INVALID", sprintf("The decision date %v is not an RFC 3339 timestamp.", [input.at])) |
	at_stated
	not now_ns
}

lifecycle_article(t) := object.get(t, ["lifecycle", "article"], null)

not_in_force_reasons(t) := {treaty_reason(
	t, "lifecycle", lifecycle_article(t), "AGREEMENT_NOT_IN_FORCE",
	sprintf("At %v the agreement is %s, not yet in force.", [input.at, status_at(t)]),
) |
	status_at(t) in {"DRAFT", "SIGNED"}
}

validity_reasons(t) := {treaty_reason(
	t, "validity", object.get(t, ["validity", "article"], null), "AGREEMENT_OUTSIDE_VALIDITY",
	sprintf(
		"%v lies outside the agreement's validity (%v to %v, both days included).",
		[input.at, t.validity.from, object.get(t.validity, "until", "open")],
	),
) |
	outside_validity(t)
}

outside_validity(t) if before_validity(t)

outside_validity(t) if expired(t)

terminated_reasons(t) := {clause_reason(
	t, "termination", "AGREEMENT_TERMINATED",
	sprintf("The agreement was terminated from %v%s.", [current_entry(t).from, reference_text(current_entry(t))]),
) |
	terminated(t)
}

suspended_reasons(t, op) := {clause_reason(
	t, "suspension", "SUSPENDED_IN_SCOPE",
	sprintf("The agreement is suspended for %s from %v%s%s.", [op, e.from, ground_text(e), reference_text(e)]),
) |
	suspended_for(t, op)
	e := current_entry(t)
}

ground_text(e) := sprintf(" on the ground %v invoked by %v", [e.ground, object.get(e, "invoked_by", "a party")]) if {
	e.ground
} else := ""

reference_text(e) := sprintf(" (%v)", [e.reference]) if {
	e.reference
} else := ""

# lifecycle_deny: why an operation of the originating state is refused by the agreement's
# lifecycle at the decision date: the first of a date problem, not yet in force, terminated,
# outside validity, suspended for the operation.
lifecycle_deny(t, op) := time_reasons(t) if {
	count(time_reasons(t)) > 0
} else := not_in_force_reasons(t) if {
	never_in_force(t)
	count(not_in_force_reasons(t)) > 0
} else := terminated_reasons(t) if {
	terminated(t)
} else := validity_reasons(t) if {
	outside_validity(t)
} else := suspended_reasons(t, op)

# ---------------------------------------------------------------- measures

restrictions(t) := object.get(t, ["measures", "restrictions"], [])

restriction_applies(t, x, op) if {
	in_period(x.from, object.get(x, "until", null))
	in_scope(op, x.scope)
	condition_holds_or_absent(t, object.get(x, "when", null))
}

restriction_reason(t, x) := treaty_reason(
	t, concat(".", ["measures.restrictions", x.id]), clause_article(t, object.get(x, "clause", "suspension")), x.code,
	sprintf(
		"A measure applies from %v%s: %s.",
		[x.from, reference_text(x), object.get(x, "message", "a legal officer must review this operation")],
	),
)

restriction_reasons(t, op, effect) := {restriction_reason(t, x) |
	some x in restrictions(t)
	x.effect == effect
	restriction_applies(t, x, op)
}
