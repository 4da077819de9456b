package org.dataembassy.portal.identity;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A person logged out. */
public record UserLoggedOut(String username) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(username, "LOGOUT", "user:" + username, "SUCCESS", "");
    }
}
