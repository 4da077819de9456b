package org.dataembassy.portal.jurisdiction;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** Something happened in a jurisdiction review: reported, checked, assessed, confirmed, applied, notified, closed. */
public record JurisdictionReviewEvent(String reviewId, String action, String actor, String outcome, String details)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, action, JurisdictionReview.subject(reviewId), outcome, details);
    }
}
