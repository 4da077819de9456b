# Jurisdiction (entry point dataembassy.jurisdiction): a request by persons or authorities
# towards the embassy's data or premises. input.request is {kind, requesting_state, person?
# {acting_for, cleared_by}, emergency?, consent_by?, court_order? {issuing_state, ...},
# waiver? {by, express}, audit_scope?, notice_given?, previous_audits?}; the operation is
# jurisdiction.<kind>. One clause decides each request, in this order: personnel (a person
# acting for a party a personnel rule names), immunity and host_access (requests of other
# states), location, court orders, audit. Nothing applicable is a legal officer's question.
package dataembassy.clauses

request := object.get(input, "request", {})

request_kinds := {"search", "requisition", "attachment", "execution", "entry", "access", "court_order", "audit", "disclose_location"}

request_kind := object.get(request, "kind", "")

request_op := sprintf("jurisdiction.%v", [request_kind])

requesting_state := object.get(request, "requesting_state", "")

# foreign: the request does not come from the originating state (unstated counts as foreign).
foreign(t) if requesting_state != t.parties.originating_state

# ---------------------------------------------------------------- personnel

personnel_rules(t) := object.get(clauses(t), ["personnel", "rules"], [])

person := p if {
	p := request.person
	is_object(p)
} else := {"acting_for": requesting_state, "cleared_by": request.personnel_cleared_by} if {
	is_string(request.personnel_cleared_by)
}

personnel_rules_for(t) := [r |
	some r in personnel_rules(t)
	object.get(person, "acting_for", "") in parties_in(t, r.acting_for)
]

# personnel_path: a person acting for a party some personnel rule names; that clause decides alone.
personnel_path(t) if {
	request_kind in {"access", "entry"}
	count(personnel_rules_for(t)) > 0
}

personnel_match(t) := r if {
	some r in personnel_rules_for(t)
	object.get(person, "cleared_by", "") in parties_in(t, r.cleared_by)
	request_kind in r.operations
}

personnel_cleared(t) if {
	some r in personnel_rules_for(t)
	object.get(person, "cleared_by", "") in parties_in(t, r.cleared_by)
}

# personnel_reason cites the rule for the person's party (the first, when several name it).
personnel_reason(t, code, message) := treaty_reason(
	t,
	concat(".", ["personnel", r.id]),
	rule_article(t, "personnel", r),
	code,
	message,
) if {
	r := personnel_rules_for(t)[0]
}

personnel_deny(t) := set() if {
	personnel_match(t)
} else := {personnel_reason(
	t,
	"PERSONNEL_NOT_AUTHORISED",
	sprintf("Persons acting for %v and cleared by %v may not %s under the agreement.", [person.acting_for, person.cleared_by, request_kind]),
) |
	personnel_cleared(t)
} | {personnel_reason(
	t,
	"PERSONNEL_NOT_CLEARED",
	sprintf(
		"Persons acting for %v need a clearance the agreement names; %v is not one.",
		[person.acting_for, object.get(person, "cleared_by", "none")],
	),
) |
	not personnel_cleared(t)
}

# Access or entry of the originating state's own people when no personnel rule names them.
own_people_unaddressed(t) if {
	request_kind in {"access", "entry"}
	not foreign(t)
	not personnel_path(t)
}

# ---------------------------------------------------------------- immunity and host access

immunity(t) := clauses(t).immunity

host_access(t) := clauses(t).host_access

# protection_lapsed: the agreement ended (or is suspended) and its protection does not survive that.
protection_lapsed(t) if {
	ended(t)
	not "termination" in object.get(immunity(t), "survives", ["suspension", "termination"])
}

protection_lapsed(t) if {
	status_at(t) == "SUSPENDED"
	not "suspension" in object.get(immunity(t), "survives", ["suspension", "termination"])
}

immune_kind(t) if request_kind in object.get(immunity(t), "from", [])

waiver_given(t) if {
	w := immunity(t).waiver
	request.waiver.by in parties_in(t, [w.by])
	object.get(w, "form", "express") != "express"
}

waiver_given(t) if {
	w := immunity(t).waiver
	request.waiver.by in parties_in(t, [w.by])
	request.waiver.express == true
}

exceptions_for(t) := [x | some x in object.get(host_access(t), "exceptions", []); request_kind in x.applies_to]

exception_applies(t, x) if {
	holds(t, x.when)
	condition_holds_or_absent(t, object.get(x, "requires", null))
}

applying_exception(t) := xs[0] if {
	xs := [x | some x in exceptions_for(t); exception_applies(t, x)]
	count(xs) > 0
}

named_exception(t) := xs[0] if {
	xs := [x | some x in exceptions_for(t); holds(t, x.when)]
	count(xs) > 0
}

prohibited(t) if request_kind in object.get(host_access(t), "prohibited", [])

controlled(t) := c if {
	some c in object.get(host_access(t), "controlled", [])
	c.kind == request_kind
}

exception_reason(t, x, code, message) := treaty_reason(
	t,
	concat(".", ["host_access.exceptions", x.id]),
	rule_article(t, "host_access", x),
	code,
	message,
)

foreign_deny(t) := (({clause_reason(
	t,
	"immunity",
	"IMMUNITY",
	sprintf(
		"The embassy's %s is immune from %s by %v.",
		[replace(object.get(immunity(t), "object", "premises_and_data"), "_", " "), request_kind, requesting_state],
	),
) |
	immune_kind(t)
	not waiver_given(t)
	not applying_exception(t)
} | {exception_reason(
	t,
	x,
	x.failure_code,
	sprintf(
		"The %s is one the agreement names (%s), but it also requires %s, which is not met.",
		[request_kind, describe(x.when), describe(x.requires)],
	),
) |
	prohibited(t)
	not applying_exception(t)
	x := named_exception(t)
}) | {clause_reason(
	t,
	"host_access",
	"HOST_ACCESS_PROHIBITED",
	sprintf("The agreement bars %s by the authorities of %v outside the exceptions it names.", [request_kind, requesting_state]),
) |
	prohibited(t)
	not applying_exception(t)
	not named_exception(t)
	not immune_kind(t)
}) | {clause_reason(t, "host_access", controlled(t).code, sprintf("The agreement refuses %s by %v.", [request_kind, requesting_state])) |
	not prohibited(t)
	not applying_exception(t)
	controlled(t).effect == "deny"
}

foreign_review(t) := {treaty_reason(
	t,
	"immunity",
	object.get(immunity(t).waiver, "article", clause_article(t, "immunity")),
	"IMMUNITY_WAIVER_REVIEW",
	"The originating state waived the immunity: a legal officer must confirm the waiver's authority and extent.",
) |
	immune_kind(t)
	waiver_given(t)
	not waiver_recognised(t)
} | {clause_reason(
	t,
	"host_access",
	controlled(t).code,
	sprintf("The agreement allows %s by %v only after a legal officer looked at it.", [request_kind, requesting_state]),
) |
	not prohibited(t)
	not applying_exception(t)
	controlled(t).effect == "review"
}

# A waiver whose effect the treaty states as "recognised" lifts the immunity without a further look; any other
# effect (the default "review") asks a legal officer.
waiver_recognised(t) if immunity(t).waiver.effect == "recognised"

foreign_permitted(t) if applying_exception(t)

foreign_permitted(t) if {
	immune_kind(t)
	waiver_given(t)
	waiver_recognised(t)
}

foreign_obligations(t) := {obligation(t, concat(".", ["host_access.exceptions", x.id]), rule_article(t, "host_access", x), d, now_ns) |
	x := applying_exception(t)
	some d in object.get(x, "duties", [])
}

# Foreign requests the host-access and immunity clauses speak to.
foreign_addressed(t) if immune_kind(t)

foreign_addressed(t) if prohibited(t)

foreign_addressed(t) if controlled(t)

# ---------------------------------------------------------------- location

location_clause(t) := clauses(t).location

location_deny(t) := {clause_reason(
	t,
	"location",
	"LOCATION_CONFIDENTIAL",
	sprintf("The location of the embassy's facilities is confidential; %v is not entitled to it.", [requesting_state]),
) |
	location_clause(t).confidential == true
	not requesting_state in parties_in(t, object.get(location_clause(t), "may_disclose_to", ["originating_state"]))
}

location_permitted(t) if {
	location_clause(t)
	count(location_deny(t)) == 0
}

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

# ---------------------------------------------------------------- dispatch

# handler: the one clause that decides the request.
handler(t) := "personnel" if {
	personnel_path(t)
} else := "host_access" if {
	foreign(t)
	foreign_addressed(t)
} else := "location" if {
	request_kind == "disclose_location"
	location_clause(t)
} else := "court_order" if {
	request_kind == "court_order"
	clauses(t).jurisdiction
} else := "audit" if {
	request_kind == "audit"
	audit_clause(t)
}

# A request of another state is judged by the protective clauses while the agreement's protection
# lasts; the originating state's own requests need the agreement operative for them.
jurisdiction_lifecycle_deny(t) := lifecycle_deny(t, request_op) if {
	not foreign(t)
} else := time_reasons(t) if {
	count(time_reasons(t)) > 0
} else := not_in_force_reasons(t) if {
	never_in_force(t)
} else := set()

handler_deny(t, "personnel") := personnel_deny(t)

handler_deny(t, "host_access") := foreign_deny(t) if not protection_lapsed(t)

else := set()

handler_deny(t, "location") := location_deny(t)

handler_deny(t, "court_order") := court_deny(t)

handler_deny(t, "audit") := audit_deny(t)

handler_review(_, "personnel") := set()

handler_review(t, "host_access") := foreign_review(t) if not protection_lapsed(t)

else := {clause_reason(
	t, "immunity", "PROTECTION_LAPSED",
	sprintf(
		"The agreement is %s and its protection does not survive that: a legal officer must decide on the %s.",
		[lower(status_at(t)), request_kind],
	),
)}

handler_review(_, "location") := set()

handler_review(t, "court_order") := court_review(t)

handler_review(t, "audit") := audit_review(t)

handler_permitted(t, "personnel") if personnel_match(t)

handler_permitted(t, "host_access") if {
	not protection_lapsed(t)
	foreign_permitted(t)
}

handler_permitted(t, "location") if location_permitted(t)

handler_permitted(t, "court_order") if court_permitted(t)

handler_permitted(t, "audit") if audit_permitted(t)

kind_deny(t) := {portal_reason(
	t,
	"REQUEST_KIND_UNKNOWN",
	sprintf("%q is not a kind of request the portal knows (%s).", [request_kind, concat(", ", sort(request_kinds))]),
) |
	not request_kind in request_kinds
}

jurisdiction_deny_of(t) := (kind_deny(t) | jurisdiction_lifecycle_deny(t)) | handler_deny(t, handler(t)) if {
	handler(t)
} else := kind_deny(t) | jurisdiction_lifecycle_deny(t)

jurisdiction_review_of(t) := handler_review(t, handler(t)) if {
	handler(t)
} else := {no_clause(t, "applicable", sprintf("a %s by %v is permitted", [request_kind, requesting_state])) |
	request_kind in request_kinds
	not own_people_unaddressed(t)
} | {no_clause(
	t,
	"personnel",
	sprintf("persons acting for %v may %s", [object.get(person, "acting_for", requesting_state), request_kind]),
) |
	own_people_unaddressed(t)
}

# Duties: those of the exception or court order that applied, and the notification clause's
# duties after requests of other states' authorities (never after the state's own personnel).
jurisdiction_obligations_of(t) := (foreign_obligations(t) | court_obligations(t)) | notification_obligations(t, request_op) if {
	foreign(t)
	handler(t) != "personnel"
} else := foreign_obligations(t) | court_obligations(t)

jurisdiction_window(t) if {
	not foreign(t)
	operative(t, request_op)
}

jurisdiction_window(t) if {
	foreign(t)
	is_number(now_ns)
	not never_in_force(t)
}

jurisdiction_deny[key] contains r if {
	some key, t in agreements
	some r in ((jurisdiction_deny_of(t) | events_deny(t, request_op, [])) | restriction_reasons(t, request_op, "deny"))
}

jurisdiction_review[key] contains r if {
	some key, t in agreements
	some r in ((jurisdiction_review_of(t) | events_review(t, request_op, [])) | restriction_reasons(t, request_op, "review"))
}

jurisdiction_obligations[key] contains o if {
	some key, t in agreements
	some o in (jurisdiction_obligations_of(t) | events_obligations(t, request_op, []))
}

jurisdiction_established[key] if {
	some key, t in agreements
	jurisdiction_window(t)
	handler_permitted(t, handler(t))
}
