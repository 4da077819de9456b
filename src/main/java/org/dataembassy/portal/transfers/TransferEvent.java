package org.dataembassy.portal.transfers;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** Something happened to a transfer: requested, reviewed, completed (with its evidence), denied, rejected. */
public record TransferEvent(String transferId, String action, String actor, String outcome, String details)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, action, TransferRequest.subject(transferId), outcome, details);
    }
}
