package org.dataembassy.portal.datasets;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A data owner asked for a dataset to be onboarded. */
public record OnboardingRequested(String requestId, String datasetName, String requestedBy, String classification)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(requestedBy, "ONBOARDING_REQUESTED", OnboardingRequest.subject(requestId), "SUBMITTED",
                "dataset '" + datasetName + "' classified " + classification);
    }
}
