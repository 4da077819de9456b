package org.dataembassy.portal.activation;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * Something happened to an emergency activation: triggered, a vote, quorum reached or failed, the notice to
 * the host state, the key released, a dataset restored, active, stood down… Details never hold key shares.
 */
public record ActivationEvent(String activationId, String action, String actor, String outcome, String details)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, action, EmergencyActivation.subject(activationId), outcome, details);
    }
}
