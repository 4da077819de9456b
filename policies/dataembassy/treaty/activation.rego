# Activation under terms of schema_version 1 (the generic rules of treaty.rego beside this file).
package dataembassy.treaty

# Activating the embassy (running the originating state's services from it):
# {triggered_by: {id, role}, approvals: [{id, role}], declarations: [...], site, host_state_notified, stage}.
# stage "trigger": asked when a committee member triggers, before anyone else has voted; the question is
# whether the agreement permits activation under these conditions, so the quorum and the notice to the host
# state are not asked yet. Any other stage (default): asked again with the votes, everything applies.
activation := object.get(input, "activation", {})

trigger_stage if activation.stage == "trigger"

# Distinct people approving in an eligible role. Triggering is the trigger's own approval: it counts
# once, however often the same person also appears among the approvals.
approvers(t) := {p.id |
	some p in array.concat([object.get(activation, "triggered_by", {})], object.get(activation, "approvals", []))
	p.role in {r | some r in t.activation.approver_roles}
}

quorum_met(t) if {
	trigger_stage
	t.activation.quorum.m
}

quorum_met(t) if count(approvers(t)) >= t.activation.quorum.m

activation_deny[key] contains r if {
	some key, _ in agreements
	some r in lifecycle_deny[key]
}

activation_deny[key] contains reason(
	t, "ACTIVATION_TRIGGER_NOT_AUTHORISED",
	sprintf("Role %q may not trigger activation.", [object.get(activation, ["triggered_by", "role"], "")]),
	"activation",
) if {
	some key, t in agreements
	not object.get(activation, ["triggered_by", "role"], "") in {r | some r in t.activation.may_trigger}
}

activation_deny[key] contains reason(
	t, "ACTIVATION_QUORUM_NOT_MET",
	sprintf("Activation needs %v of %v approvers; %v approved.", [t.activation.quorum.m, t.activation.quorum.n, count(approvers(t))]),
	"activation",
) if {
	some key, t in agreements
	not quorum_met(t)
}

activation_deny[key] contains reason(
	t,
	"ACTIVATION_DECLARATION_MISSING",
	sprintf("The declaration %s is required before activation.", [declaration]),
	"activation",
) if {
	some key, t in agreements
	some declaration in t.activation.required_declarations
	not declaration in {d | some d in object.get(activation, "declarations", [])}
}

activation_deny[key] contains reason(
	t,
	"SITE_NOT_COVERED",
	sprintf("Site %q is not a facility covered by this agreement.", [object.get(activation, "site", "")]),
	"sites",
) if {
	some key, t in agreements
	not site(t, object.get(activation, "site", ""))
}

activation_review[key] contains reason(
	t, "ACTIVATION_NOTICE_DUE",
	sprintf("The host state (%s) must be notified of the activation; no notice is recorded.", [t.parties.host_state]),
	"notification",
) if {
	not activation.host_state_notified == true
	not trigger_stage
	some key, t in agreements
	t.notification.activation_notice_to_host
}

activation_established[key] if {
	some key, t in agreements
	in_force[key]
	activation.triggered_by.role in {r | some r in t.activation.may_trigger}
	quorum_met(t)
	site(t, activation.site)
}
