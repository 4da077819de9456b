package org.dataembassy.portal.datasets;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A legal officer approved or rejected an onboarding request. */
public record OnboardingReviewed(String requestId, String reviewer, boolean approved, String comment)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(reviewer, "ONBOARDING_REVIEWED", OnboardingRequest.subject(requestId),
                approved ? "APPROVED" : "REJECTED", comment);
    }
}
