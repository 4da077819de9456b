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
