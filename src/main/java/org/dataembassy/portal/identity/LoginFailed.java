package org.dataembassy.portal.identity;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * A login attempt failed. Carries the name that was typed, never the password.
 *
 * @param attemptedUsername what was typed as the username, possibly blank
 * @param reason short, non-sensitive reason (e.g. "bad credentials", "disabled")
 */
public record LoginFailed(String attemptedUsername, String reason) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact("anonymous", "LOGIN", "user:" + attemptedUsername, "FAILURE", reason);
    }
}
