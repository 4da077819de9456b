package org.dataembassy.portal.datasets;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A legal review ran past its reminder deadline and was escalated. */
public record OnboardingReviewEscalated(String requestId) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact("system:workflow", "ONBOARDING_REVIEW_ESCALATED", OnboardingRequest.subject(requestId),
                "OVERDUE", "the legal review is past its reminder deadline");
    }
}
