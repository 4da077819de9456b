# Transfers under terms of schema_version 1 (the generic rules of treaty.rego beside this file).
package dataembassy.treaty

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
