package org.dataembassy.portal.agreements;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * A person was refused what-if decisions for going over their allowance. Audited once per refusal window (the
 * first refusal after an allowed decision), not for every refused request, so a flood cannot flood the trail.
 */
public record WhatIfRateLimited(String username, String limit, long retryAfterSeconds) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(username, "WHAT_IF_RATE_LIMITED", "user:" + username, "REFUSED", "over the what-if allowance of "
                + limit + ": refused, the next one allowed in " + retryAfterSeconds + " s; further refusals until a"
                + " decision is allowed again are not audited");
    }
}
