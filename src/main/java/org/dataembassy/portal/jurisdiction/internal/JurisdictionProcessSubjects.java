package org.dataembassy.portal.jurisdiction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.workflow.ProcessDetail;
import org.dataembassy.portal.workflow.ProcessSubject;
import org.dataembassy.portal.workflow.ProcessSubjects;
import org.springframework.stereotype.Component;

/**
 * Describes a jurisdiction review for its process page. Shown: agreement and parties, the event and who reported
 * it, the host-state sites concerned, status, outcome with its justification, assessor and confirmer. No data owner
 * owns a review, and nothing secret is held on one.
 */
@Component
class JurisdictionProcessSubjects implements ProcessSubjects {

    private final JurisdictionReviewStore reviews;

    JurisdictionProcessSubjects(JurisdictionReviewStore reviews) {
        this.reviews = reviews;
    }

    @Override
    public Optional<ProcessSubject> describe(String businessKey) {
        String prefix = JurisdictionReview.subject("");
        if (businessKey == null || !businessKey.startsWith(prefix)) {
            return Optional.empty();
        }
        return reviews.find(businessKey.substring(prefix.length())).map(r -> new ProcessSubject(null, details(r)));
    }

    private static List<ProcessDetail> details(JurisdictionReview r) {
        List<ProcessDetail> details = new ArrayList<>();
        details.add(new ProcessDetail("Agreement", r.agreementKey() + " (" + r.originatingState() + " → " + r.hostState() + ")"));
        details.add(new ProcessDetail("Event", r.eventKind().label() + ": " + r.description()));
        details.add(new ProcessDetail("Reported by", r.reportedBy()));
        details.add(new ProcessDetail("Host-state sites", r.sites().isEmpty() ? "none configured" : String.join(", ", r.sites())));
        details.add(new ProcessDetail("Status", r.status().name()));
        if (r.outcome() != null) {
            details.add(new ProcessDetail("Outcome", r.outcome() + " by " + r.assessedBy() + ": " + r.justification()));
        }
        if (r.confirmedBy() != null) {
            details.add(new ProcessDetail("Evacuation confirmed by", r.confirmedBy()));
        }
        return details;
    }
}
