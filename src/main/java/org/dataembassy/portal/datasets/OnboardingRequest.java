package org.dataembassy.portal.datasets;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.workflow.WorkTask;

/**
 * An onboarding request as stored.
 *
 * @param decisionReasons the policy's reasons ("CODE (agreement article): message"), empty on a plain allow
 * @param reviewedBy      null until a legal officer has decided
 * @param reviewComment   null until a legal officer has decided
 * @param sourceLocation  the folder replicated, set by the security officer; null before
 * @param targetSites     the embassy sites chosen by the security officer; empty before
 * @param keysApprovedBy  the security officer who approved keys and sites; null before
 * @param wantedSites     the embassy sites the owner asked for (the security officer decides)
 * @param recoveryPointHours how old a replica may grow before the schedule replicates again
 * @param keysRefusedBy   the security officer who refused keys and sites; null unless refused
 * @param keysComment     that officer's reason; null unless refused
 */
public record OnboardingRequest(String id, String name, String owningAgency, String legalBasis,
                                Classification classification, boolean personalData, Register register,
                                String agreementId, int sizeEstimateGib, String requestedBy, Instant requestedAt,
                                OnboardingStatus status, List<String> decisionReasons, String reviewedBy,
                                String reviewComment, String processInstanceId, String sourceLocation,
                                List<String> targetSites, String keysApprovedBy, List<String> wantedSites,
                                int recoveryPointHours, String keysRefusedBy, String keysComment) {

    public OnboardingRequest {
        decisionReasons = List.copyOf(decisionReasons);
        targetSites = List.copyOf(targetSites);
        wantedSites = List.copyOf(wantedSites);
    }

    /** Audit subject and workflow business key. */
    public String subject() {
        return subject(id);
    }

    public static String subject(String id) {
        return "onboarding-request:" + id;
    }

    /**
     * The {@code dataset} part of a treaty decision input (onboarding and transfer entry points):
     * classification, personal-data flag and register ("" when not a register).
     */
    public Map<String, Object> policyDataset() {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("classification", classification.name());
        dataset.put("personal_data", personalData);
        dataset.put("register", register == Register.NONE ? "" : register.name().toLowerCase());
        return dataset;
    }

    /** The request a workflow task is about (its business key is the request's subject). */
    public static String idOf(WorkTask task) {
        String prefix = subject("");
        if (task.businessKey() == null || !task.businessKey().startsWith(prefix)) {
            throw new NoSuchElementException("task " + task.id() + " is not about an onboarding request");
        }
        return task.businessKey().substring(prefix.length());
    }
}
