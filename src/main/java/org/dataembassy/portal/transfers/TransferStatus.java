package org.dataembassy.portal.transfers;

/** Where a cross-border transfer stands. */
public enum TransferStatus {
    /** Requested; the treaty decision is pending. */
    REQUESTED,
    /** The treaty rules require a legal officer's review. */
    IN_REVIEW,
    /** Allowed; replicating to the site and verifying it. */
    REPLICATING,
    /** Replicated, verified, evidence recorded. */
    COMPLETED,
    /** Refused by the treaty rules. */
    DENIED,
    /** Refused by the reviewing legal officer. */
    REJECTED
}
