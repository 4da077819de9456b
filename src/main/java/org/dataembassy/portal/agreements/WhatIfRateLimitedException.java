package org.dataembassy.portal.agreements;

import java.time.Duration;

/** A person asked for more what-if decisions than their allowance; nothing was asked or recorded. */
public class WhatIfRateLimitedException extends RuntimeException {

    private final transient Duration retryAfter;

    public WhatIfRateLimitedException(Duration retryAfter, String limit) {
        super("Too many what-if decisions: at most " + limit + " per person. Try again in " + seconds(retryAfter)
                + " s; nothing was asked or recorded.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds until the next decision is allowed, at least 1 (for {@code Retry-After}). */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toNanos() + 999_999_999L) / 1_000_000_000L);
    }
}
