package org.dataembassy.portal.obligations;

/** Where a tracked duty stands. */
public enum ObligationStatus {
    /** Owed, not yet due. */
    OPEN,
    /** Recorded as done (a breached duty done late stays marked as breached once: {@link TrackedObligation#breachedAt()}). */
    FULFILLED,
    /** Its due instant passed and nothing was recorded: a breach of the agreement, on the audit trail. */
    BREACHED
}
