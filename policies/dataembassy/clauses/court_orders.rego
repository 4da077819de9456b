# Court orders and audits: how the jurisdiction entry point (jurisdiction.rego) judges an order of a
# court and an audit of the facilities.
package dataembassy.clauses

# ---------------------------------------------------------------- court orders

court_order := object.get(request, "court_order", {})

issuing_state := object.get(court_order, "issuing_state", object.get(request, "court_state", ""))

court_rule(t) := rs[0] if {
	rs := [r | some r in object.get(clauses(t), ["jurisdiction", "court_orders"], []); issuing_state in parties_in(t, r.from)]
	count(rs) > 0
}

court_reason(t, r, code, message) := treaty_reason(
	t,
	concat(".", ["jurisdiction.court_orders", r.id]),
	rule_article(t, "jurisdiction", r),
	code,
	message,
)

court_rule_met(t, r) if condition_holds_or_absent(t, object.get(r, "requires", null))

court_deny(t) := ({clause_reason(
	t,
	"jurisdiction",
	"COURT_ORDER_NOT_RECOGNISED",
	sprintf("Orders of the courts of %v have no effect on the embassy's data.", [issuing_state]),
) |
	clauses(t).jurisdiction
	not court_rule(t)
} | {court_reason(
	t,
	r,
	failure_code(t, r.requires, "COURT_ORDER_REQUIREMENTS_NOT_MET"),
	sprintf("The order does not meet what the agreement requires: %s.", [describe(r.requires)]),
) |
	r := court_rule(t)
	not court_rule_met(t, r)
}) | {court_reason(t, r, object.get(r, "code", "COURT_ORDER_REFUSED"), "The agreement refuses orders of this kind.") |
	r := court_rule(t)
	court_rule_met(t, r)
	r.effect == "deny"
}

court_review(t) := {court_reason(
	t,
	r,
	object.get(r, "code", "COURT_ORDER_REVIEW"),
	sprintf(
		"An order of the courts of %v that meets the agreement's conditions: a legal officer must check its basis before it is executed.",
		[issuing_state],
	),
) |
	r := court_rule(t)
	court_rule_met(t, r)
	object.get(r, "effect", "review") == "review"
}

court_obligations(t) := {obligation(t, concat(".", ["jurisdiction.court_orders", r.id]), rule_article(t, "jurisdiction", r), d, now_ns) |
	r := court_rule(t)
	court_rule_met(t, r)
	r.effect != "deny"
	some d in object.get(r, "duties", [])
}

court_permitted(t) if {
	r := court_rule(t)
	court_rule_met(t, r)
	r.effect == "recognised"
}

# ---------------------------------------------------------------- audit

audit_clause(t) := clauses(t).audit

audit_right(t) := a if {
	some a in object.get(audit_clause(t), "by", [])
	requesting_state in parties_in(t, [a.party])
}

audit_scope := object.get(request, "audit_scope", "data")

# previous audits in the counting period: the rolling window before at, or this calendar year.
previous_audits(t) := [d |
	some d in object.get(request, "previous_audits", [])
	instant_ns(d) < now_ns
	instant_ns(d) >= period_start(t)
]

period_start(t) := day_ns(sprintf("%d-01-01", [time.date(now_ns)[0]])) if {
	audit_clause(t).maximum.per == "calendar_year"
} else := add_months(now_ns, (-12 * duration_parts(audit_clause(t).maximum.per)[0]) - duration_parts(audit_clause(t).maximum.per)[1])

audits_counted(t) := count(previous_audits(t)) if {
	request.previous_audits
} else := request.audits_this_year

notice_short(t) if {
	needed := audit_right(t).notice_before
	add_duration(instant_ns(object.get(request, "notice_given", input.at)), needed) > now_ns
}

audit_deny(t) := (({clause_reason(
	t,
	"audit",
	"AUDIT_NOT_ENTITLED",
	sprintf("%v has no audit right under this agreement.", [requesting_state]),
) |
	not audit_right(t)
} | {clause_reason(
	t,
	"audit",
	"AUDIT_SCOPE_NOT_ENTITLED",
	sprintf("%v may audit %s, not %v.", [requesting_state, concat(", ", audit_right(t).scope), audit_scope]),
) |
	not audit_scope in object.get(audit_right(t), "scope", [audit_scope])
}) | {clause_reason(
	t,
	"audit",
	"AUDIT_NOTICE_TOO_SHORT",
	sprintf("%v must give %s notice of an audit.", [requesting_state, audit_right(t).notice_before]),
) |
	notice_short(t)
}) | {frequency_reason(t) |
	frequency_exceeded(t)
	audit_clause(t).maximum.effect == "deny"
}

frequency_exceeded(t) if audits_counted(t) >= audit_clause(t).maximum.count

frequency_reason(t) := clause_reason(
	t,
	"audit",
	"AUDIT_FREQUENCY_EXCEEDED",
	sprintf(
		"At most %v audits are foreseen per %v; this would be number %v.",
		[audit_clause(t).maximum.count, audit_clause(t).maximum.per, audits_counted(t) + 1],
	),
)

audit_review(t) := {frequency_reason(t) |
	audit_right(t)
	frequency_exceeded(t)
	object.get(audit_clause(t).maximum, "effect", "review") == "review"
}

audit_permitted(t) if {
	audit_right(t)
	count(audit_deny(t)) == 0
}
