# Immunity, host access and the location of the facilities: how the jurisdiction entry point (jurisdiction.rego)
# judges requests of other states towards the embassy's data or premises.
package dataembassy.clauses

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
