# METADATA
# title: Treaty package xc_xd (fictional, test only)
# description: |
#   Implements the treaty contract for the fictional agreement xc_xd (data.json beside this
#   file, schema_version 2) through the generic clause rules in dataembassy.clauses. It lives
#   in policies-test/ so that it is never imported as a seed nor served to a portal.
package dataembassy.agreements.xc_xd

import data.dataembassy.clauses

onboarding_deny contains r if some r in clauses.onboarding_deny.xc_xd

onboarding_review contains r if some r in clauses.onboarding_review.xc_xd

onboarding_obligations contains o if some o in clauses.onboarding_obligations.xc_xd

onboarding_established if clauses.onboarding_established.xc_xd

transfer_deny contains r if some r in clauses.transfer_deny.xc_xd

transfer_review contains r if some r in clauses.transfer_review.xc_xd

transfer_obligations contains o if some o in clauses.transfer_obligations.xc_xd

transfer_established if clauses.transfer_established.xc_xd

jurisdiction_deny contains r if some r in clauses.jurisdiction_deny.xc_xd

jurisdiction_review contains r if some r in clauses.jurisdiction_review.xc_xd

jurisdiction_obligations contains o if some o in clauses.jurisdiction_obligations.xc_xd

jurisdiction_established if clauses.jurisdiction_established.xc_xd

activation_deny contains r if some r in clauses.activation_deny.xc_xd

activation_review contains r if some r in clauses.activation_review.xc_xd

activation_obligations contains o if some o in clauses.activation_obligations.xc_xd

activation_established if clauses.activation_established.xc_xd

duties_deny contains r if some r in clauses.duties_deny.xc_xd

duties_review contains r if some r in clauses.duties_review.xc_xd

duties_obligations := object.get(clauses.duties_obligations, "xc_xd", set())
