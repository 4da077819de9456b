package org.dataembassy.portal.datasets;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** The onboarding process ended with this outcome. */
public record OnboardingCompleted(String requestId, OnboardingStatus outcome, String summary) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact("system:workflow", "ONBOARDING_COMPLETED", OnboardingRequest.subject(requestId),
                outcome.name(), summary);
    }
}
