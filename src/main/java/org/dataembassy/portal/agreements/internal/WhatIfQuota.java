package org.dataembassy.portal.agreements.internal;

import java.time.Duration;

/**
 * Each person's allowance of what-if decisions. {@link InMemoryWhatIfQuota} keeps it in this node's memory: with
 * several portal nodes each grants its own allowance (a person gets N × the rate across N nodes) and a restart
 * refills it. A cluster needs an implementation over shared state instead — a row per person in the portal's
 * database with the bucket (tokens, last refill) updated under {@code select … for update}, or an atomic script in
 * a shared cache — behind this same interface; nothing else changes.
 */
public interface WhatIfQuota {

    /** Takes one decision from {@code username}'s allowance, or says how long until one is back. */
    Admission admit(String username);

    /** What a refusal says: the configured limit. */
    String limit();

    /**
     * @param allowed      whether the decision may be asked
     * @param retryAfter   when refused, how long until the next one is allowed
     * @param firstRefusal the first refusal since the person was last allowed one (the one to audit)
     */
    record Admission(boolean allowed, Duration retryAfter, boolean firstRefusal) {
    }
}
