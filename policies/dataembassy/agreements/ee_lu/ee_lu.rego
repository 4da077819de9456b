# METADATA
# title: Treaty package ee_lu
# description: |
#   Implements the treaty contract for agreement ee_lu from its structured terms
#   (data.json beside this file) through the generic clause rules in
#   dataembassy.treaty. Hand-written rules for this treaty go below.
package dataembassy.agreements.ee_lu

import data.dataembassy.treaty

onboarding_deny contains r if some r in treaty.onboarding_deny.ee_lu

onboarding_review contains r if some r in treaty.onboarding_review.ee_lu

onboarding_established if treaty.onboarding_established.ee_lu

transfer_deny contains r if some r in treaty.transfer_deny.ee_lu

transfer_review contains r if some r in treaty.transfer_review.ee_lu

transfer_established if treaty.transfer_established.ee_lu

jurisdiction_deny contains r if some r in treaty.jurisdiction_deny.ee_lu

jurisdiction_review contains r if some r in treaty.jurisdiction_review.ee_lu

jurisdiction_established if treaty.jurisdiction_established.ee_lu

activation_deny contains r if some r in treaty.activation_deny.ee_lu

activation_review contains r if some r in treaty.activation_review.ee_lu

activation_established if treaty.activation_established.ee_lu
