package org.dataembassy.portal.audit;

import java.time.Instant;

/**
 * One entry of the hash-chained audit trail.
 *
 * @param seq      position in the chain, 1-based, contiguous
 * @param prevHash hex SHA-256 of the previous entry (64 zeros for the first)
 * @param hash     hex SHA-256 over this entry's fields and {@code prevHash}
 */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String subject, String outcome,
                         String details, String prevHash, String hash) {
}
