# Onboarding (entry point dataembassy.onboarding): may a dataset be placed in the embassy?
# input.dataset is {classification, personal_data, register?, categories?}. The data clauses
# decide (data_scope.rego) while the agreement is operative for onboarding.
package dataembassy.clauses

onboarding_deny[key] contains r if {
	some key, t in agreements
	reasons := (lifecycle_deny(t, "onboarding") | data_clauses_deny(t, "onboarding")) | events_deny(t, "onboarding", [])
	some r in (reasons | restriction_reasons(t, "onboarding", "deny"))
}

onboarding_review[key] contains r if {
	some key, t in agreements
	some r in ((data_clauses_review(t, "onboarding") | events_review(t, "onboarding", [])) | restriction_reasons(t, "onboarding", "review"))
}

onboarding_obligations[key] contains o if {
	some key, t in agreements
	some o in (notification_obligations(t, "onboarding") | events_obligations(t, "onboarding", []))
}

onboarding_established[key] if {
	some key, t in agreements
	operative(t, "onboarding")
	classification_permitted(t)
}
