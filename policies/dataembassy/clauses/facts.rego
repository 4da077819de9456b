# Facts: the host state's situation as recorded by jurisdiction reviews (input.facts.events,
# added by the portal to every decision input), and what the host_events clause makes of
# them. An event is in force from its start day to its end day, both included; the end is
# absent while it lasts. A fact never suspends a treaty by itself: a suspension ground asks a
# legal officer and creates the duty to consider suspension (VCLT Art. 65); only a clause that
# says the treaty is suspended for the duration ("suspends") refuses.
package dataembassy.clauses

events := object.get(input, ["facts", "events"], [])

events_in_force := [e | some e in events; in_period(e.start, object.get(e, "end", null))]

host_event_rules(t) := object.get(clauses(t), ["host_events", "rules"], [])

# event_hits: [rule, event] for every rule covering the operation whose event is in force.
event_hits(t, op, sites) := [[r, e] |
	some r in host_event_rules(t)
	in_scope(op, r.operations)
	some e in events_in_force
	e.kind == r.event
	e.state in party_codes(t, object.get(r, "state", "host_state"))
	sites_meet(r, e, sites)
]

sites_meet(r, _, _) if not r.sites_only

sites_meet(r, e, sites) if {
	r.sites_only
	some s in object.get(e, "sites", [])
	s in sites
}

event_code(r) := object.get(r, "code", sprintf("HOST_EVENT_%s", [upper(r.event)]))

event_text(e) := sprintf("%s in %s since %s%s", [replace(e.kind, "_", " "), e.state, e.start, reference_text(e)])

event_reason(t, r, code, message) := treaty_reason(t, "host_events", rule_article(t, "host_events", r), code, message)

events_deny(t, op, sites) := {event_reason(t, r, event_code(r), sprintf("The %s bars %s under the agreement.", [event_text(e), op])) |
	some [r, e] in event_hits(t, op, sites)
	r.effect == "deny"
} | {event_reason(t, r, "SUSPENDED_BY_EVENT", sprintf("The agreement is suspended for %s while the %s lasts.", [op, event_text(e)])) |
	some [r, e] in event_hits(t, op, sites)
	r.effect == "suspends"
}

events_review(t, op, sites) := ({event_reason(
	t,
	r,
	event_code(r),
	sprintf("The %s is in force: the agreement asks a legal officer to look at %s.", [event_text(e), op]),
) |
	some [r, e] in event_hits(t, op, sites)
	r.effect == "review"
} | {event_reason(
	t,
	r,
	"SUSPENSION_GROUND_PRESENT",
	sprintf(
		"The %s is a ground for suspending the agreement: a legal officer must decide on %s and whether to invoke suspension.",
		[event_text(e), op],
	),
) |
	some [r, e] in event_hits(t, op, sites)
	r.effect == "suspension_ground"
}) | unaddressed_reasons(t, op)

# The duty a suspension ground creates: the originating state decides whether to invoke it.
events_obligations(t, op, sites) := {obligation(t, "host_events", rule_article(t, "host_events", r), duty, now_ns) |
	some [r, e] in event_hits(t, op, sites)
	r.effect == "suspension_ground"
	duty := {
		"code": "CONSIDER_SUSPENSION",
		"action": sprintf("Decide whether to invoke suspension because of the %s", [event_text(e)]),
		"within": object.get(r, "decide_within", "P7D"),
		"owed_by": "originating_state",
		"owed_to": "originating_state",
	}
}

# Events that no prudent officer lets pass: when the agreement says nothing about one of them,
# placing data in the host state goes to a legal officer (a portal reason, not the treaty's).
grave_events := {"martial_law", "armed_conflict", "state_of_emergency", "severance_of_relations"}

unaddressed_reasons(t, op) := {portal_reason(
	t, "HOST_EVENT_UNADDRESSED",
	sprintf("The %s and the agreement says nothing about it: a legal officer must decide whether data may go there.", [event_text(e)]),
) |
	op in inbound_operations
	some e in events_in_force
	e.kind in grave_events
	e.state == t.parties.host_state
	not addressed(t, e.kind)
}

addressed(t, kind) if {
	some r in host_event_rules(t)
	r.event == kind
}
