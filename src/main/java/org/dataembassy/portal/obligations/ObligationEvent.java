package org.dataembassy.portal.obligations;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A tracked duty was found owed, breached or recorded as fulfilled. */
public record ObligationEvent(String obligationId, String action, String actor, String outcome, String details)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, action, TrackedObligation.subject(obligationId), outcome, details);
    }
}
