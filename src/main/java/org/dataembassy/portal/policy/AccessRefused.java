package org.dataembassy.portal.policy;

import java.util.List;
import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** The authorization policy refused someone an action; audited (allowed actions are audited by the action itself). */
public record AccessRefused(String actor, String action, String subject, List<String> codes, String message)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, "ACCESS_REFUSED", subject, String.join(",", codes), action + ": " + message);
    }
}
