# METADATA
# title: Generic treaty clauses
# description: |
#   One rule per kind of clause, computed for every agreement from its
#   structured terms (data.dataembassy.agreements.<key>.terms). Each rule is
#   keyed by the agreement key; a treaty package
#   (dataembassy.agreements.<key>) picks its own key and may add or drop
#   reasons by hand. Every reason cites the agreement and the article.
package dataembassy.treaty

# agreements maps each agreement key (ee_lu) to its structured terms of schema_version 1 (no
# schema_version); terms of schema_version 2 are read by dataembassy.clauses.
agreements[key] := t if {
	some key
	t := data.dataembassy.agreements[key].terms
	not t.schema_version
}

known_classifications := {"PUBLIC", "INTERNAL", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP_SECRET"}

# reason builds one reason citing the article the clause comes from. topic is a
# key of the agreement's "articles" object; an unknown topic cites "-" (the
# contract test checks every topic used here exists in every agreement).
reason(t, code, message, topic) := {
	"code": code,
	"message": message,
	"article": object.get(t.articles, [topic, "number"], "-"),
	"agreement": t.id,
}

# ---------------------------------------------------------------- time

# The decision date is input.at (RFC 3339), never the clock: the portal states it in
# every decision input and records it, so a replay judges at the same moment as the
# original decision, and the sandbox every policy runs in has no time.now_ns. Without a
# valid input.at nothing is in force, so nothing is allowed, and time_deny says why.
now_ns := time.parse_rfc3339_ns(input.at) if is_string(input.at)

# at_stated: the input names a decision date, valid or not.
at_stated if object.get(input, "at", null) != null

time_deny[key] contains reason(
	t,
	"INPUT_DATE_MISSING",
	"The decision input states no decision date (\"at\", RFC 3339); the rules never read the clock.",
	"scope",
) if {
	not at_stated
	some key, t in agreements
}

time_deny[key] contains reason(
	t,
	"INPUT_DATE_INVALID",
	sprintf("The decision date %v is not an RFC 3339 timestamp.", [input.at]),
	"scope",
) if {
	at_stated
	not now_ns
	some key, t in agreements
}

date_ns(day) := time.parse_ns("2006-01-02", day)

within_validity(t) if {
	now_ns >= date_ns(t.validity.from)
	not expired(t)
}

expired(t) if now_ns >= date_ns(t.validity.until)

# ---------------------------------------------------------------- lifecycle

# status_at: the lifecycle status in effect on the decision date. A suspension or termination
# takes effect on its date (suspended_from, terminated_on): a decision dated before it sees the
# agreement in force, as it was then; without a date, or without a decision date, the stated
# status applies.
status_at(t) := "IN_FORCE" if {
	t.lifecycle.status == "SUSPENDED"
	now_ns < date_ns(t.lifecycle.suspended_from)
} else := "IN_FORCE" if {
	t.lifecycle.status == "TERMINATED"
	now_ns < date_ns(t.lifecycle.terminated_on)
} else := t.lifecycle.status

in_force[key] if {
	some key, t in agreements
	status_at(t) == "IN_FORCE"
	within_validity(t)
}

lifecycle_deny[key] contains r if {
	some key, _ in agreements
	some r in time_deny[key]
}

lifecycle_deny[key] contains reason(
	t,
	"AGREEMENT_NOT_IN_FORCE",
	sprintf("The agreement is %s, not in force.", [status_at(t)]),
	"scope",
) if {
	some key, t in agreements
	status_at(t) != "IN_FORCE"
}

lifecycle_deny[key] contains reason(
	t, "AGREEMENT_OUTSIDE_VALIDITY",
	sprintf(
		"The decision date lies outside the agreement's validity window (%v to %v).",
		[t.validity.from, object.get(t.validity, "until", "open")],
	),
	"scope",
) if {
	is_number(now_ns)
	some key, t in agreements
	status_at(t) == "IN_FORCE"
	not within_validity(t)
}

# ---------------------------------------------------------------- data that may be hosted

# The dataset a decision is about: {classification, personal_data, register, categories}.
dataset := object.get(input, "dataset", {})

# data_deny checks the dataset against what the agreement permits to be hosted.
data_deny[key] contains reason(
	t, "CLASSIFICATION_UNKNOWN",
	sprintf("Classification %q is not a recognised classification level.", [object.get(dataset, "classification", "")]),
	"permitted_data",
) if {
	not object.get(dataset, "classification", "") in known_classifications
	some key, t in agreements
}

data_deny[key] contains reason(
	t, "CLASSIFICATION_NOT_PERMITTED",
	sprintf("Data classified %s may not be hosted under this agreement.", [dataset.classification]),
	"permitted_data",
) if {
	dataset.classification in known_classifications
	some key, t in agreements
	not dataset.classification in {c | some c in t.data.permitted_classifications}
}

data_deny[key] contains reason(
	t, "CATEGORY_NOT_PERMITTED",
	sprintf("Data of category %q may not be hosted under this agreement.", [category]),
	"permitted_data",
) if {
	some key, t in agreements
	some category in categories(dataset)
	not category in {c | some c in t.data.permitted_categories}
}

data_deny[key] contains reason(
	t, "REGISTER_NOT_COVERED",
	sprintf("The register %q is not among the registers this agreement covers.", [dataset.register]),
	"permitted_data",
) if {
	is_register(dataset)
	some key, t in agreements
	not dataset.register in {r | some r in t.data.registers.covered}
}

# The categories a dataset falls in: those it declares plus those its flags imply.
categories(dataset) := ({c |
	some c in object.get(dataset, "categories", [])
} | {"personal_data" | dataset.personal_data == true}) | {"register" | is_register(dataset)}

is_register(dataset) if {
	is_string(dataset.register)
	dataset.register != ""
}

permitted_classification(t, dataset) if dataset.classification in {c | some c in t.data.permitted_classifications}

# ---------------------------------------------------------------- onboarding

onboarding_deny[key] contains r if {
	some key, _ in agreements
	some r in lifecycle_deny[key]
}

onboarding_deny[key] contains r if {
	some key, _ in agreements
	some r in data_deny[key]
}

onboarding_review[key] contains reason(
	t,
	"PERSONAL_DATA_REVIEW",
	"The dataset contains personal data: a legal officer must confirm the legal basis.",
	"personal_data",
) if {
	dataset.personal_data == true
	some key, t in agreements
	t.data.personal_data_requires_review
}

onboarding_review[key] contains reason(
	t, "REGISTER_REVIEW",
	sprintf("The dataset is a state register (%s): a legal officer must confirm it is covered.", [dataset.register]),
	"permitted_data",
) if {
	is_register(dataset)
	some key, t in agreements
	t.data.registers.require_review
}

# Allow only what is positively established: in force, a known agreement, a permitted classification.
onboarding_established[key] if {
	some key, _ in in_force
	permitted_classification(agreements[key], dataset)
}

# ---------------------------------------------------------------- transfer

# A transfer moves input.dataset: {from_site, to_site, purpose, recipient_state}.
transfer := object.get(input, "transfer", {})

site(t, id) := s if {
	some s in t.sites
	s.id == id
}

origin_site(t, id) if site(t, id).state == t.parties.originating_state

evacuation(t) if {
	transfer.purpose == "evacuation"
	t.evacuation.on_termination
	status_at(t) in {"TERMINATED", "SUSPENDED"}
}

# Evacuation may run after termination (or suspension) until the window closes.
evacuation_open(t) if {
	evacuation(t)
	status_at(t) == "SUSPENDED"
	is_number(now_ns)
}

evacuation_open(t) if {
	evacuation(t)
	now_ns < date_ns(t.lifecycle.terminated_on) + (((t.evacuation.within_days * 24) * 3600) * 1000000000)
}

transfer_deny[key] contains r if {
	some key, t in agreements
	not evacuation(t)
	some r in lifecycle_deny[key]
}

# An evacuation is judged without the lifecycle reasons (the agreement has ended), but it needs a date too.
transfer_deny[key] contains r if {
	some key, t in agreements
	evacuation(t)
	some r in time_deny[key]
}

transfer_deny[key] contains reason(
	t,
	"EVACUATION_WINDOW_CLOSED",
	sprintf("Data had to be evacuated within %v days of termination.", [t.evacuation.within_days]),
	"evacuation",
) if {
	is_number(now_ns)
	some key, t in agreements
	evacuation(t)
	not evacuation_open(t)
}

transfer_deny[key] contains reason(
	t,
	"EVACUATION_DESTINATION_NOT_ORIGIN",
	"Evacuated data may only go to a site in the originating state.",
	"evacuation",
) if {
	some key, t in agreements
	evacuation(t)
	not origin_site(t, object.get(transfer, "to_site", ""))
}

transfer_deny[key] contains r if {
	some key, _ in agreements
	some r in data_deny[key]
}

transfer_deny[key] contains reason(
	t,
	"SITE_NOT_COVERED",
	sprintf("Site %q is not a facility covered by this agreement.", [object.get(transfer, field, "")]),
	"sites",
) if {
	some key, t in agreements
	some field in ["from_site", "to_site"]
	not site(t, object.get(transfer, field, ""))
}

transfer_deny[key] contains reason(
	t, "HOST_ACCESS_PROHIBITED",
	sprintf(
		"Data may only go to the originating state, not to %q: the host state and others have no access to embassy data.",
		[object.get(transfer, "recipient_state", "")],
	),
	"host_access",
) if {
	some key, t in agreements
	t.host_access.prohibited
	object.get(transfer, "recipient_state", "") != t.parties.originating_state
}

# A jurisdiction review restricted the agreement (terms.restrictions, published by the portal's
# JurisdictionReviewProcess): every new transfer needs a legal officer's review.
restricted(t) if object.get(t, ["restrictions", "new_transfers_require_review"], false) == true

transfer_review[key] contains reason(
	t,
	"PERSONAL_DATA_TRANSFER_REVIEW",
	"The transfer carries personal data: a legal officer must confirm the legal basis.",
	"personal_data",
) if {
	dataset.personal_data == true
	some key, t in agreements
	t.data.personal_data_transfer_requires_review
}

transfer_review[key] contains reason(
	t, "AGREEMENT_RESTRICTED",
	sprintf(
		"A jurisdiction review restricted the agreement (since %v): new transfers need a legal officer's review.",
		[object.get(t, ["restrictions", "since"], "-")],
	),
	"suspension",
) if {
	some key, t in agreements
	restricted(t)
}

transfer_established[key] if {
	some key, t in agreements
	in_force[key]
	not evacuation(t)
	permitted_classification(t, dataset)
	site(t, transfer.from_site)
	site(t, transfer.to_site)
	transfer.recipient_state == t.parties.originating_state
}

transfer_established[key] if {
	some key, t in agreements
	evacuation_open(t)
	permitted_classification(t, dataset)
	origin_site(t, transfer.to_site)
	transfer.recipient_state == t.parties.originating_state
}

# ---------------------------------------------------------------- jurisdiction

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

# ---------------------------------------------------------------- activation

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
