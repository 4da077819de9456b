package org.dataembassy.portal.datasets;

import java.util.List;
import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A security officer approved (keys created, sites chosen) or refused a dataset's keys. */
public record DatasetKeysDecided(String requestId, String officer, boolean approved, List<String> sites, String comment)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(officer, "DATASET_KEYS_DECIDED", OnboardingRequest.subject(requestId),
                approved ? "APPROVED" : "REFUSED", approved ? "keys created; sites " + String.join(", ", sites)
                + (comment.isEmpty() ? "" : "; " + comment) : comment);
    }
}
