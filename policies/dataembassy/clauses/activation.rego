# Activation (entry point dataembassy.activation): the originating state runs its services from
# the embassy. input.activation is {triggered_by {id, role}, approvals [{id, role}], declarations,
# site, host_state_notified?, stage?}. The grounds are a condition (alternatives with any_of); a
# notice to the host state is either asked before (timing "before") or owed after, as an
# obligation carried by the allow (timing "after"). At stage "trigger" (a committee member
# triggers, nobody else has voted) the quorum and the notice are not asked yet.
package dataembassy.clauses

activation := object.get(input, "activation", {})

trigger_stage if activation.stage == "trigger"

activation_clause(t) := clauses(t).activation

# Distinct people approving in an eligible role; the trigger's own approval counts once.
activation_approvers(t) := {p.id |
	some p in array.concat([object.get(activation, "triggered_by", {})], object.get(activation, "approvals", []))
	p.role in activation_clause(t).approvers.roles
}

activation_quorum_met(_) if trigger_stage

activation_quorum_met(t) if count(activation_approvers(t)) >= activation_clause(t).approvers.quorum.m

trigger_role := object.get(activation, ["triggered_by", "role"], "")

activation_site := object.get(activation, "site", "")

site_role_permitted(t) if site_role(t, activation_site) in object.get(activation_clause(t), "site_roles", ["embassy"])

host_notice(t) := object.get(activation_clause(t), "host_notice", {"timing": "none"})

notice_reason(t, code, message) := treaty_reason(
	t,
	"activation.host_notice",
	object.get(host_notice(t), "article", clause_article(t, "activation")),
	code,
	message,
)

activation_clause_deny(t) := (((({sites_reason(
	t,
	"SITE_NOT_COVERED",
	sprintf("Site %q is not a facility covered by this agreement.", [activation_site]),
) |
	not site(t, activation_site)
} | {clause_reason(
	t,
	"activation",
	"ACTIVATION_SITE_NOT_EMBASSY",
	sprintf(
		"Site %q is a %s site; activation runs from %s.",
		[activation_site, site_role(t, activation_site), concat(", ", object.get(activation_clause(t), "site_roles", ["embassy"]))],
	),
) |
	site(t, activation_site)
	not site_role_permitted(t)
}) | {clause_reason(t, "activation", "ACTIVATION_TRIGGER_NOT_AUTHORISED", sprintf("Role %q may not trigger activation.", [trigger_role])) |
	not trigger_role in activation_clause(t).may_trigger
}) | {clause_reason(
	t,
	"activation",
	failure_code(t, g, object.get(g, "code", "ACTIVATION_GROUNDS_NOT_MET")),
	sprintf(
		"The agreement permits activation on %s; the declarations made are %v.",
		[describe(g), object.get(activation, "declarations", [])],
	),
) |
	g := activation_clause(t).grounds
	not holds(t, g)
}) | {clause_reason(
	t,
	"activation",
	failure_code(t, x, "ACTIVATION_EXCLUDED"),
	sprintf("The agreement excludes activation unless %s.", [describe(x)]),
) |
	x := activation_clause(t).excluded
	not holds(t, x)
}) | {clause_reason(
	t, "activation", "ACTIVATION_QUORUM_NOT_MET",
	sprintf(
		"Activation needs %v of %v approvers; %v approved.",
		[activation_clause(t).approvers.quorum.m, activation_clause(t).approvers.quorum.n, count(activation_approvers(t))],
	),
) |
	not activation_quorum_met(t)
}

activation_clause_review(t) := {notice_reason(
	t,
	object.get(host_notice(t), "code", "ACTIVATION_NOTICE_DUE"),
	sprintf("The host state (%s) must be notified before activation; no notice is recorded.", [t.parties.host_state]),
) |
	host_notice(t).timing == "before"
	not activation.host_state_notified == true
	not trigger_stage
} | {no_clause(t, "activation", "the embassy may be activated") |
	not activation_clause(t)
}

activation_clause_obligations(t) := {obligation(
	t,
	"activation.host_notice",
	object.get(n, "article", clause_article(t, "activation")),
	duty,
	now_ns,
) |
	n := host_notice(t)
	n.timing == "after"
	not trigger_stage
	duty := {
		"code": object.get(n, "code", "HOST_NOTICE_AFTER_ACTIVATION"),
		"action": object.get(n, "action", "Notify the host state of the activation"),
		"within": n.within,
		"owed_by": object.get(n, "owed_by", "originating_state"),
		"owed_to": object.get(n, "owed_to", "host_state"),
	}
}

activation_deny[key] contains r if {
	some key, t in agreements
	some r in ((lifecycle_deny(t, "activation") | activation_clause_deny(t)) | restriction_reasons(t, "activation", "deny"))
}

activation_review[key] contains r if {
	some key, t in agreements
	reasons := activation_clause_review(t) | events_review(t, "activation", [activation_site])
	some r in (reasons | restriction_reasons(t, "activation", "review"))
}

activation_obligations[key] contains o if {
	some key, t in agreements
	some o in (activation_clause_obligations(t) | notification_obligations(t, "activation"))
}

activation_established[key] if {
	some key, t in agreements
	operative(t, "activation")
	trigger_role in activation_clause(t).may_trigger
	holds(t, activation_clause(t).grounds)
	condition_holds_or_absent(t, object.get(activation_clause(t), "excluded", null))
	activation_quorum_met(t)
	site_role_permitted(t)
}
