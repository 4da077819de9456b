package org.dataembassy.portal.audit;

import java.time.Instant;

/**
 * Which audit entries to list, newest first: those of a period (from included, to excluded), of an actor, an action
 * and a subject (each exact; null for any), older than the entry {@code before} (the cursor of the next page).
 *
 * @param limit entries per page, 1 to 1,000
 */
public record AuditSearch(Instant from, Instant to, String actor, String action, String subject, Long before, int limit) {

    public static final int MAX_LIMIT = 1000;
}
