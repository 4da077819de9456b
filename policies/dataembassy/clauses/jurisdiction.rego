# Jurisdiction (entry point dataembassy.jurisdiction): a request by persons or authorities
# towards the embassy's data or premises. input.request is {kind, requesting_state, person?
# {acting_for, cleared_by}, emergency?, consent_by?, court_order? {issuing_state, ...},
# waiver? {by, express}, audit_scope?, notice_given?, previous_audits?}; the operation is
# jurisdiction.<kind>. One clause decides each request, in this order: personnel (a person
# acting for a party a personnel rule names), immunity and host_access (requests of other
# states) and location (host_access.rego), court orders and audit (court_orders.rego). Nothing applicable is a
# legal officer's question.
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
