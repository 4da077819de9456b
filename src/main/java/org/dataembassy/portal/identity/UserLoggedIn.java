package org.dataembassy.portal.identity;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A person logged in successfully. */
public record UserLoggedIn(String username) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(username, "LOGIN", "user:" + username, "SUCCESS", "");
    }
}
