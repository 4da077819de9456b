# Onboarding under terms of schema_version 1 (the generic rules of treaty.rego beside this file).
package dataembassy.treaty

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
