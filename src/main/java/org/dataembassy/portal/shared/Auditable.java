package org.dataembassy.portal.shared;

/**
 * An event that belongs in the audit trail. Modules' events implement it; the audit module records every
 * published {@code Auditable} in the publisher's transaction, so the trail never misses a committed change
 * and never records a rolled-back one.
 */
public interface Auditable {

    /** What to record. Must not contain secrets (passwords, keys, tokens). */
    AuditFact auditFact();
}
