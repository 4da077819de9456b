# Transfers (entry point dataembassy.transfer): input.transfer is {from_site, to_site,
# purpose, recipient_state}; the operation is transfer.<purpose>. The facilities the
# agreement covers (terms.sites) have a role: origin (in the originating state) or embassy
# (in the host state). Each purpose has its route: replication origin -> embassy, restore
# and evacuation embassy -> origin, migration embassy -> embassy. After termination (or the
# last day of validity) only evacuation continues, as the evacuation clause says; its duty
# to complete starts with the end and a late evacuation is a breach on record, not a refusal.
package dataembassy.clauses

transfer := object.get(input, "transfer", {})

transfer_purposes := {"replication", "restore", "evacuation", "migration"}

transfer_op := sprintf("transfer.%v", [object.get(transfer, "purpose", "")])

routes := {
	"replication": ["origin", "embassy"],
	"restore": ["embassy", "origin"],
	"evacuation": ["embassy", "origin"],
	"migration": ["embassy", "embassy"],
}

site_list(t) := object.get(t, ["sites", "list"], [])

site(t, id) := s if {
	some s in site_list(t)
	s.id == id
}

site_role(t, id) := site(t, id).role

route_ok(t) if [site_role(t, transfer.from_site), site_role(t, transfer.to_site)] == routes[transfer.purpose]

recipient_is_origin(t) if transfer.recipient_state == t.parties.originating_state

sites_reason(t, code, message) := treaty_reason(t, "sites", object.get(t, ["sites", "article"], null), code, message)

# Evacuation after the agreement ended: its window, destination and duty.
evacuating(t) if {
	transfer.purpose == "evacuation"
	ended(t)
}

evacuation_clause(t) := clauses(t).evacuation

evacuation_duty(t) := {
	"code": object.get(evacuation_clause(t), "code", "EVACUATION_COMPLETE"),
	"action": object.get(evacuation_clause(t), "action", "Move every copy of the data out of the host state"),
	"within": evacuation_clause(t).within,
	"owed_by": object.get(evacuation_clause(t), "owed_by", "originating_state"),
	"owed_to": object.get(evacuation_clause(t), "owed_to", "host_state"),
}

evacuation_due_ns(t) := due_after_day(ended_day(t), evacuation_clause(t).within)

evacuation_late(t) if now_ns >= evacuation_due_ns(t)

evacuation_obligations(t) := {day_obligation(t, "evacuation", clause_article(t, "evacuation"), evacuation_duty(t), ended_day(t)) |
	evacuating(t)
	evacuation_clause(t)
	site_role(t, transfer.to_site) == "origin"
	not evacuation_late(t)
}

evacuation_deny(t) := {clause_reason(
	t,
	"evacuation",
	"EVACUATION_DESTINATION_NOT_ORIGIN",
	"Evacuated data may only go to a site in the originating state.",
) |
	evacuating(t)
	evacuation_clause(t)
	not site_role(t, transfer.to_site) == "origin"
} | {clause_reason(t, "evacuation", "EVACUATION_OVERDUE", late_message(t)) |
	evacuating(t)
	evacuation_late(t)
	evacuation_clause(t).after_deadline == "deny"
}

evacuation_review(t) := {clause_reason(t, "evacuation", "EVACUATION_OVERDUE", late_message(t)) |
	evacuating(t)
	evacuation_late(t)
	object.get(evacuation_clause(t), "after_deadline", "review") == "review"
} | {no_clause(t, "evacuation", "data may be evacuated after the agreement ended") |
	evacuating(t)
	not evacuation_clause(t)
}

late_message(t) := sprintf(
	"The data had to be evacuated by %s (within %s after the end on %s); the evacuation is late and the breach is on record.",
	[rfc3339(evacuation_due_ns(t)), evacuation_clause(t).within, ended_day(t)],
)

evacuation_open(t) if {
	evacuating(t)
	is_number(now_ns)
	evacuation_clause(t)
	not evacuation_late(t)
}

# ---------------------------------------------------------------- sets

transfer_deny_of(t) := time_reasons(t) | evacuation_deny(t) if {
	evacuating(t)
} else := lifecycle_deny(t, transfer_op)

transfer_route_deny(t) := ({portal_reason(
	t,
	"TRANSFER_PURPOSE_UNKNOWN",
	sprintf("%q is not a purpose of transfer (replication, restore, evacuation, migration).", [object.get(transfer, "purpose", "")]),
) |
	not object.get(transfer, "purpose", "") in transfer_purposes
} | {sites_reason(
	t,
	"SITE_NOT_COVERED",
	sprintf("Site %q is not a facility covered by this agreement.", [object.get(transfer, field, "")]),
) |
	some field in ["from_site", "to_site"]
	not site(t, object.get(transfer, field, ""))
}) | {sites_reason(
	t, "TRANSFER_ROUTE_NOT_PERMITTED",
	sprintf(
		"A %s goes from %s to %s; %s is %s and %s is %s.",
		[
			transfer.purpose,
			routes[transfer.purpose][0],
			routes[transfer.purpose][1],
			transfer.from_site,
			site_role(t, transfer.from_site),
			transfer.to_site,
			site_role(t, transfer.to_site),
		],
	),
) |
	site(t, transfer.from_site)
	site(t, transfer.to_site)
	routes[transfer.purpose]
	not route_ok(t)
	not evacuating(t)
}

recipient_deny(t) := {clause_reason(
	t, "host_access", "HOST_ACCESS_PROHIBITED",
	sprintf(
		"Data may only go to the originating state, not to %q: the agreement bars disclosure of the data to others.",
		[object.get(transfer, "recipient_state", "")],
	),
) |
	not recipient_is_origin(t)
	"disclose_data" in object.get(clauses(t), ["host_access", "prohibited"], [])
}

recipient_review(t) := {no_clause(
	t,
	"host_access",
	sprintf("data may go to %v", [object.get(transfer, "recipient_state", "nobody named")]),
) |
	not recipient_is_origin(t)
	not "disclose_data" in object.get(clauses(t), ["host_access", "prohibited"], [])
}

transfer_sites := [s | some s in [object.get(transfer, "from_site", ""), object.get(transfer, "to_site", "")]]

transfer_deny[key] contains r if {
	some key, t in agreements
	reasons := ((transfer_deny_of(t) | transfer_route_deny(t)) | recipient_deny(t)) | data_clauses_deny(t, transfer_op)
	some r in ((reasons | events_deny(t, transfer_op, transfer_sites)) | restriction_reasons(t, transfer_op, "deny"))
}

transfer_review[key] contains r if {
	some key, t in agreements
	reasons := (evacuation_review(t) | recipient_review(t)) | data_clauses_review(t, transfer_op)
	some r in ((reasons | events_review(t, transfer_op, transfer_sites)) | restriction_reasons(t, transfer_op, "review"))
}

transfer_obligations[key] contains o if {
	some key, t in agreements
	some o in (evacuation_obligations(t) | events_obligations(t, transfer_op, transfer_sites))
}

transfer_established[key] if {
	some key, t in agreements
	transfer_window(t)
	route_ok(t)
	recipient_is_origin(t)
	inbound_data_permitted(t)
}

transfer_window(t) if {
	not evacuating(t)
	operative(t, transfer_op)
}

transfer_window(t) if evacuation_open(t)

transfer_window(t) if {
	evacuating(t)
	evacuation_late(t)
	object.get(evacuation_clause(t), "after_deadline", "review") == "review"
}

inbound_data_permitted(_) if not transfer_op in inbound_operations

inbound_data_permitted(t) if classification_permitted(t)
