package org.dataembassy.portal.identity;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * Sign-ins under a typed name (or from an address) are refused for a while after repeated failures. Recorded once
 * when the refusal starts, not for every refused attempt, so an attacker cannot flood the trail.
 *
 * @param key     {@code user:<typed name>} or {@code address:<client address>}
 * @param failures failures in a row so far
 * @param seconds how long sign-ins are refused
 */
public record LoginThrottled(String key, int failures, long seconds) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact("anonymous", "LOGIN_THROTTLED", key, "REFUSED",
                failures + " failed sign-ins in a row; sign-ins refused for " + seconds + " s");
    }
}
