# Jurisdiction requests under terms of schema_version 1 (the generic rules of treaty.rego beside this file).
package dataembassy.treaty

# A request by authorities or persons towards the embassy's data or premises:
# {kind, requesting_state, emergency, consent_by, personnel_cleared_by, court_state, audits_this_year, notified_within_hours}.
request := object.get(input, "request", {})

request_kinds := {"search", "requisition", "attachment", "execution", "entry", "access", "court_order", "audit", "disclose_location"}

# foreign: the request does not come from the originating state. A request
# that does not say where it comes from counts as foreign (fail closed).
foreign(t) if object.get(request, "requesting_state", "") != t.parties.originating_state

jurisdiction_deny[key] contains r if {
	some key, _ in agreements
	some r in lifecycle_deny[key]
}

jurisdiction_deny[key] contains reason(
	t,
	"REQUEST_KIND_UNKNOWN",
	sprintf("%q is not a kind of request this agreement speaks to.", [object.get(request, "kind", "")]),
	"scope",
) if {
	not object.get(request, "kind", "") in request_kinds
	some key, t in agreements
}

jurisdiction_deny[key] contains reason(
	t,
	"IMMUNITY",
	sprintf("The embassy's data and premises are immune from %s.", [request.kind]),
	"immunity",
) if {
	some key, t in agreements
	request.kind in {k | some k in t.immunity.from}
	foreign(t)
}

jurisdiction_deny[key] contains reason(
	t,
	"HOST_ACCESS_PROHIBITED",
	"Authorities of other states may not access the embassy's data.",
	"host_access",
) if {
	request.kind == "access"
	some key, t in agreements
	t.host_access.prohibited
	foreign(t)
}

jurisdiction_deny[key] contains reason(
	t,
	"HOST_ACCESS_PROHIBITED",
	"Authorities of other states may not enter the embassy's premises outside the emergencies the agreement names.",
	"host_access",
) if {
	request.kind == "entry"
	some key, t in agreements
	t.host_access.prohibited
	foreign(t)
	not object.get(request, "emergency", "") in {e | some e in t.host_access.exceptions}
}

jurisdiction_deny[key] contains reason(
	t, "EMERGENCY_CONSENT_MISSING",
	sprintf("Emergency entry (%s) needs the consent of the originating state's authorised representative.", [request.emergency]),
	"host_access",
) if {
	request.kind == "entry"
	some key, t in agreements
	foreign(t)
	request.emergency in {e | some e in t.host_access.exceptions}
	object.get(request, "consent_by", "") != t.host_access.exception_requires_consent_of
}

jurisdiction_deny[key] contains reason(
	t,
	"PERSONNEL_NOT_CLEARED",
	"Only personnel cleared by the originating state may access the embassy's systems.",
	"personnel",
) if {
	request.kind in {"access", "entry"}
	some key, t in agreements
	not foreign(t)
	object.get(request, "personnel_cleared_by", "") != t.personnel.cleared_by
}

jurisdiction_deny[key] contains reason(
	t,
	"COURT_ORDER_NOT_RECOGNISED",
	sprintf("Orders of the courts of %v have no effect on the embassy's data.", [object.get(request, "court_state", "")]),
	"jurisdiction",
) if {
	request.kind == "court_order"
	some key, t in agreements
	not object.get(request, "court_state", "") in {s | some s in t.jurisdiction.court_orders_recognised_from}
}

jurisdiction_deny[key] contains reason(
	t,
	"AUDIT_NOT_ENTITLED",
	sprintf("%v has no audit right under this agreement.", [object.get(request, "requesting_state", "")]),
	"audit",
) if {
	request.kind == "audit"
	some key, t in agreements
	not object.get(request, "requesting_state", "") in {s | some s in t.audit.by}
}

jurisdiction_deny[key] contains reason(
	t,
	"LOCATION_CONFIDENTIAL",
	"The location of the embassy's facilities is confidential.",
	"location",
) if {
	request.kind == "disclose_location"
	some key, t in agreements
	t.location_confidential
	foreign(t)
}

jurisdiction_review[key] contains reason(
	t,
	"COURT_ORDER_REVIEW",
	"A court order of a recognised jurisdiction: a legal officer must check its basis before it is executed.",
	"jurisdiction",
) if {
	request.kind == "court_order"
	some key, t in agreements
	request.court_state in {s | some s in t.jurisdiction.court_orders_recognised_from}
}

jurisdiction_review[key] contains reason(
	t, "AUDIT_FREQUENCY_EXCEEDED",
	sprintf("At most %v audits a year are foreseen; this would be number %v.", [t.audit.max_per_year, request.audits_this_year + 1]),
	"audit",
) if {
	request.kind == "audit"
	some key, t in agreements
	request.audits_this_year >= t.audit.max_per_year
}

jurisdiction_review[key] contains reason(
	t, "NOTIFICATION_DUTY",
	sprintf(
		"The originating state must be notified of an emergency entry within %v hours; no timely notification is recorded.",
		[t.notification.emergency_entry_hours],
	),
	"notification",
) if {
	request.kind == "entry"
	some key, t in agreements
	foreign(t)
	not notified_in_time(t)
}

notified_in_time(t) if request.notified_within_hours <= t.notification.emergency_entry_hours

jurisdiction_established[key] if {
	some key, t in agreements
	in_force[key]
	jurisdiction_permitted(t)
}

jurisdiction_permitted(t) if {
	request.kind == "entry"
	foreign(t)
	request.emergency in {e | some e in t.host_access.exceptions}
	request.consent_by == t.host_access.exception_requires_consent_of
}

jurisdiction_permitted(t) if {
	request.kind in {"access", "entry"}
	not foreign(t)
	request.personnel_cleared_by == t.personnel.cleared_by
}

jurisdiction_permitted(t) if {
	request.kind == "court_order"
	request.court_state in {s | some s in t.jurisdiction.court_orders_recognised_from}
}

jurisdiction_permitted(t) if {
	request.kind == "audit"
	request.requesting_state in {s | some s in t.audit.by}
	is_number(request.audits_this_year)
}

jurisdiction_permitted(t) if {
	request.kind == "disclose_location"
	not foreign(t)
}
