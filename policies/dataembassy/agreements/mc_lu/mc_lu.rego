# METADATA
# title: Treaty package mc_lu
# description: |
#   Implements the treaty contract for agreement mc_lu from its structured terms
#   (data.json beside this file) through the generic clause rules in
#   dataembassy.treaty. Hand-written rules for this treaty go below.
package dataembassy.agreements.mc_lu

import data.dataembassy.treaty

onboarding_deny contains r if some r in treaty.onboarding_deny.mc_lu

onboarding_review contains r if some r in treaty.onboarding_review.mc_lu

onboarding_established if treaty.onboarding_established.mc_lu

transfer_deny contains r if some r in treaty.transfer_deny.mc_lu

transfer_review contains r if some r in treaty.transfer_review.mc_lu

transfer_established if treaty.transfer_established.mc_lu

jurisdiction_deny contains r if some r in treaty.jurisdiction_deny.mc_lu

jurisdiction_review contains r if some r in treaty.jurisdiction_review.mc_lu

jurisdiction_established if treaty.jurisdiction_established.mc_lu

activation_deny contains r if some r in treaty.activation_deny.mc_lu

activation_review contains r if some r in treaty.activation_review.mc_lu

activation_established if treaty.activation_established.mc_lu

# Hand-written clause (illustrative): moving a state register between sites
# needs a legal officer's look, whatever the generic rules say.
transfer_review contains treaty.reason(
	treaty.agreements.mc_lu, "REGISTER_TRANSFER_REVIEW",
	sprintf("The transfer moves the %s register: a legal officer must confirm the destination is covered.", [input.dataset.register]),
	"permitted_data",
) if {
	treaty.is_register(input.dataset)
}
