# METADATA
# title: Treaty package xa_xb (fictional, test only)
# description: |
#   Implements the treaty contract for the fictional agreement xa_xb (data.json beside this
#   file, schema_version 2) through the generic clause rules in dataembassy.clauses. It lives
#   in policies-test/ so that it is never imported as a seed nor served to a portal.
package dataembassy.agreements.xa_xb

import data.dataembassy.clauses

onboarding_deny contains r if some r in clauses.onboarding_deny.xa_xb

onboarding_review contains r if some r in clauses.onboarding_review.xa_xb

onboarding_obligations contains o if some o in clauses.onboarding_obligations.xa_xb

onboarding_established if clauses.onboarding_established.xa_xb

transfer_deny contains r if some r in clauses.transfer_deny.xa_xb

transfer_review contains r if some r in clauses.transfer_review.xa_xb

transfer_obligations contains o if some o in clauses.transfer_obligations.xa_xb

transfer_established if clauses.transfer_established.xa_xb

jurisdiction_deny contains r if some r in clauses.jurisdiction_deny.xa_xb

jurisdiction_review contains r if some r in clauses.jurisdiction_review.xa_xb

jurisdiction_obligations contains o if some o in clauses.jurisdiction_obligations.xa_xb

jurisdiction_established if clauses.jurisdiction_established.xa_xb

activation_deny contains r if some r in clauses.activation_deny.xa_xb

activation_review contains r if some r in clauses.activation_review.xa_xb

activation_obligations contains o if some o in clauses.activation_obligations.xa_xb

activation_established if clauses.activation_established.xa_xb

duties_deny contains r if some r in clauses.duties_deny.xa_xb

duties_review contains r if some r in clauses.duties_review.xa_xb

duties_obligations := object.get(clauses.duties_obligations, "xa_xb", set())
