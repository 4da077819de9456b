package org.dataembassy.portal.datasets;

import java.time.Instant;
import java.util.List;
import org.dataembassy.portal.shared.Classification;

/**
 * An onboarding request as stored.
 *
 * @param decisionReasons the policy's reasons ("CODE (agreement article): message"), empty on a plain allow
 * @param reviewedBy      null until a legal officer has decided
 * @param reviewComment   null until a legal officer has decided
 */
public record OnboardingRequest(String id, String name, String owningAgency, String legalBasis,
                                Classification classification, boolean personalData, Register register,
                                String agreementId, int sizeEstimateGib, String requestedBy, Instant requestedAt,
                                OnboardingStatus status, List<String> decisionReasons, String reviewedBy,
                                String reviewComment, String processInstanceId) {

    public OnboardingRequest {
        decisionReasons = List.copyOf(decisionReasons);
    }

    /** Audit subject and workflow business key. */
    public String subject() {
        return subject(id);
    }

    public static String subject(String id) {
        return "onboarding-request:" + id;
    }
}
