package org.dataembassy.portal.agreements;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * Something happened to an agreement or one of its versions (created, drafted, saved, submitted, approved,
 * rejected, published). Recorded in the audit trail with subject {@code agreement:<key>}.
 */
public record AgreementEvent(String agreementKey, int version, String action, String actor, String outcome,
                             String details) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, action, "agreement:" + agreementKey + (version > 0 ? " v" + version : ""), outcome,
                details);
    }
}
