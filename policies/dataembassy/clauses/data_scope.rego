# Data that may be hosted (clause data_scope) and personal data (clause personal_data).
# They govern what is placed in the host state (onboarding, replication, migration), not
# what the originating state takes back. A classification is below a ceiling ("any data up
# to CONFIDENTIAL") or in a closed list; categories are open (with exclusions) or closed;
# registers are covered or not, some needing review; personal data may be limited to named
# source registers.
package dataembassy.clauses

# The dataset a decision is about: {classification, personal_data, register, categories}.
dataset := object.get(input, "dataset", {})

scope_clause(t) := clauses(t).data_scope

# categories: those the dataset declares plus those its flags imply.
categories(ds) := ({c |
	some c in object.get(ds, "categories", [])
} | {"personal_data" | ds.personal_data == true}) | {"register" | is_register(ds)}

classification_permitted(t) if {
	c := scope_clause(t).classification.ceiling
	classification_rank[dataset.classification] <= classification_rank[c]
}

classification_permitted(t) if dataset.classification in {c | some c in scope_clause(t).classification.allowed}

covered_registers(t) := object.get(scope_clause(t), ["registers", "covered"], "any")

register_covered(t) if covered_registers(t) == "any"

register_covered(t) if dataset.register in {r | some r in covered_registers(t)}

data_deny(t) := (((({portal_reason(
	t, "CLASSIFICATION_UNKNOWN",
	sprintf("Classification %q is not a recognised classification level.", [object.get(dataset, "classification", "")]),
) |
	not object.get(dataset, "classification", "") in known_classifications
} | {clause_reason(
	t, "data_scope", "CLASSIFICATION_ABOVE_CEILING",
	sprintf(
		"Data classified %s may not be hosted: the agreement admits data up to %s.",
		[dataset.classification, scope_clause(t).classification.ceiling],
	),
) |
	dataset.classification in known_classifications
	scope_clause(t).classification.ceiling
	not classification_permitted(t)
}) | {clause_reason(
	t, "data_scope", "CLASSIFICATION_NOT_PERMITTED",
	sprintf(
		"Data classified %s may not be hosted under this agreement (it admits %s).",
		[dataset.classification, concat(", ", scope_clause(t).classification.allowed)],
	),
) |
	dataset.classification in known_classifications
	scope_clause(t).classification.allowed
	not classification_permitted(t)
}) | {clause_reason(
	t,
	"data_scope",
	"CATEGORY_NOT_PERMITTED",
	sprintf("Data of category %q may not be hosted under this agreement.", [category]),
) |
	scope_clause(t).categories.mode == "closed"
	some category in categories(dataset)
	not category in {c | some c in scope_clause(t).categories.allowed}
}) | {clause_reason(t, "data_scope", "CATEGORY_EXCLUDED", sprintf("The agreement excludes data of category %q.", [category])) |
	scope_clause(t).categories.mode == "open"
	some category in categories(dataset)
	category in {c | some c in object.get(scope_clause(t).categories, "excluded", [])}
}) | {clause_reason(
	t,
	"data_scope",
	"REGISTER_NOT_COVERED",
	sprintf("The register %q is not among the registers this agreement covers.", [dataset.register]),
) |
	is_register(dataset)
	not register_covered(t)
}

data_review(t, op) := {clause_reason(
	t, "data_scope", "REGISTER_REVIEW",
	sprintf("The dataset is a state register (%s): a legal officer must confirm it is covered.", [dataset.register]),
) |
	is_register(dataset)
	register_covered(t)
	in_scope(op, object.get(scope_clause(t), ["registers", "review_on"], ["onboarding"]))
	register_needs_review(t)
}

register_needs_review(t) if object.get(scope_clause(t), ["registers", "review"], []) == "any"

register_needs_review(t) if dataset.register in {r | some r in object.get(scope_clause(t), ["registers", "review"], [])}

# ---------------------------------------------------------------- personal data

personal_clause(t) := clauses(t).personal_data

personal_deny(t) := ({clause_reason(t, "personal_data", "PERSONAL_DATA_NOT_PERMITTED", "The agreement does not admit personal data.") |
	dataset.personal_data == true
	personal_clause(t).allowed == false
} | {clause_reason(
	t, "personal_data", "PERSONAL_DATA_SOURCE_NOT_PERMITTED",
	sprintf(
		"Personal data may be hosted only from the %s register(s); this dataset %s.",
		[concat(", ", personal_clause(t).sources.registers), register_text(dataset)],
	),
) |
	dataset.personal_data == true
	personal_clause(t).allowed == true
	is_array(personal_clause(t).sources.registers)
	not object.get(dataset, "register", "") in {r | some r in personal_clause(t).sources.registers}
}) | {no_clause(t, "personal_data", "personal data may be hosted") |
	dataset.personal_data == true
	not personal_clause(t)
}

register_text(ds) := sprintf("comes from the %s register", [ds.register]) if is_register(ds)

else := "names no register"

personal_review(t, op) := {clause_reason(t, "personal_data", code, message) |
	dataset.personal_data == true
	personal_clause(t).allowed == true
	in_scope(op, object.get(personal_clause(t), "review_on", []))
	[code, message] := personal_review_text(op)
}

personal_review_text("onboarding") := [
	"PERSONAL_DATA_REVIEW",
	"The dataset contains personal data: a legal officer must confirm the legal basis.",
]

personal_review_text(op) := [
	"PERSONAL_DATA_TRANSFER_REVIEW",
	"The transfer carries personal data: a legal officer must confirm the legal basis.",
] if {
	op != "onboarding"
}

# data_clauses_deny / _review: what the data clauses say about an operation (inbound only).
data_clauses_deny(t, op) := data_deny(t) | personal_deny(t) if op in inbound_operations

else := {r |
	some r in data_deny(t)
	r.code == "CLASSIFICATION_UNKNOWN"
}

data_clauses_review(t, op) := (data_review(t, op) | personal_review(t, op)) | {no_clause(t, "data_scope", "this data may be hosted") |
	op in inbound_operations
	not scope_clause(t)
}
