# METADATA
# title: Treaty package xe_xf (fictional, test only)
# description: |
#   Implements the treaty contract for the fictional agreement xe_xf (data.json beside this
#   file, schema_version 2) through the generic clause rules in dataembassy.clauses. It lives
#   in policies-test/ so that it is never imported as a seed nor served to a portal.
package dataembassy.agreements.xe_xf

import data.dataembassy.clauses

onboarding_deny contains r if some r in clauses.onboarding_deny.xe_xf

onboarding_review contains r if some r in clauses.onboarding_review.xe_xf

onboarding_obligations contains o if some o in clauses.onboarding_obligations.xe_xf

onboarding_established if clauses.onboarding_established.xe_xf

transfer_deny contains r if some r in clauses.transfer_deny.xe_xf

transfer_review contains r if some r in clauses.transfer_review.xe_xf

transfer_obligations contains o if some o in clauses.transfer_obligations.xe_xf

transfer_established if clauses.transfer_established.xe_xf

jurisdiction_deny contains r if some r in clauses.jurisdiction_deny.xe_xf

jurisdiction_review contains r if some r in clauses.jurisdiction_review.xe_xf

jurisdiction_obligations contains o if some o in clauses.jurisdiction_obligations.xe_xf

jurisdiction_established if clauses.jurisdiction_established.xe_xf

activation_deny contains r if some r in clauses.activation_deny.xe_xf

activation_review contains r if some r in clauses.activation_review.xe_xf

activation_obligations contains o if some o in clauses.activation_obligations.xe_xf

activation_established if clauses.activation_established.xe_xf

duties_deny contains r if some r in clauses.duties_deny.xe_xf

duties_review contains r if some r in clauses.duties_review.xe_xf

duties_obligations := object.get(clauses.duties_obligations, "xe_xf", set())
