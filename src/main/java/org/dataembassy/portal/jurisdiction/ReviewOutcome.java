package org.dataembassy.portal.jurisdiction;

/** What a legal officer decides at the end of a jurisdiction review. */
public enum ReviewOutcome {
    /** Nothing changes; the review is recorded. */
    CONTINUE,
    /** The agreement is restricted: every new transfer needs a legal officer's review. */
    RESTRICT,
    /** The agreement is suspended: the treaty rules deny transfers, so replication stops. */
    SUSPEND,
    /** The host site's copies are destroyed (after a security officer confirms), then the agreement is suspended. */
    EVACUATE
}
