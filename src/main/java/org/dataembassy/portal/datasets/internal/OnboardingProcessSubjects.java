package org.dataembassy.portal.datasets.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.workflow.ProcessDetail;
import org.dataembassy.portal.workflow.ProcessSubject;
import org.dataembassy.portal.workflow.ProcessSubjects;
import org.springframework.stereotype.Component;

/**
 * Describes an onboarding request for its process page. Shown: dataset name, owning agency, legal basis,
 * classification, personal data, register, agreement, status, who asked and when, the review and the embassy
 * sites. Never shown: the source folder (a path on the portal's host) or anything about keys.
 */
@Component
class OnboardingProcessSubjects implements ProcessSubjects {

    private final OnboardingRequestStore requests;

    OnboardingProcessSubjects(OnboardingRequestStore requests) {
        this.requests = requests;
    }

    @Override
    public Optional<ProcessSubject> describe(String businessKey) {
        String prefix = OnboardingRequest.subject("");
        if (businessKey == null || !businessKey.startsWith(prefix)) {
            return Optional.empty();
        }
        return requests.find(businessKey.substring(prefix.length())).map(r -> new ProcessSubject(r.requestedBy(), details(r)));
    }

    private static List<ProcessDetail> details(OnboardingRequest r) {
        List<ProcessDetail> details = new ArrayList<>();
        details.add(new ProcessDetail("Dataset", r.name()));
        details.add(new ProcessDetail("Owning agency", r.owningAgency()));
        details.add(new ProcessDetail("Legal basis", r.legalBasis()));
        details.add(new ProcessDetail("Classification", r.classification().name()));
        details.add(new ProcessDetail("Personal data", r.personalData() ? "yes" : "no"));
        details.add(new ProcessDetail("Register", r.register().label()));
        details.add(new ProcessDetail("Agreement", r.agreementId()));
        details.add(new ProcessDetail("Status", r.status().name()));
        details.add(new ProcessDetail("Requested by", r.requestedBy()));
        if (!r.decisionReasons().isEmpty()) {
            details.add(new ProcessDetail("Treaty reasons", String.join("; ", r.decisionReasons())));
        }
        if (r.reviewedBy() != null) {
            details.add(new ProcessDetail("Reviewed by", r.reviewedBy()
                    + (r.reviewComment() == null || r.reviewComment().isBlank() ? "" : ": " + r.reviewComment())));
        }
        if (!r.wantedSites().isEmpty()) {
            details.add(new ProcessDetail("Embassies asked for", String.join(", ", r.wantedSites())));
        }
        if (!r.targetSites().isEmpty()) {
            details.add(new ProcessDetail("Embassy sites", String.join(", ", r.targetSites())));
        }
        if (r.keysApprovedBy() != null) {
            details.add(new ProcessDetail("Keys and sites approved by", r.keysApprovedBy()));
        }
        details.add(new ProcessDetail("Recovery-point target", r.recoveryPointHours() + " h"));
        return details;
    }
}
