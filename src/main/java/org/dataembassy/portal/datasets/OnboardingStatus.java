package org.dataembassy.portal.datasets;

/** Where an onboarding request stands. */
public enum OnboardingStatus {
    /** Submitted; the policy decision is pending. */
    SUBMITTED,
    /** The treaty rules require a legal officer's review. */
    IN_REVIEW,
    /** Approved (by the rules alone or after review); a security officer approves keys and sites next. */
    ACCEPTED,
    /** Keys created; the first replication to the embassy sites and its verification are running. */
    REPLICATING,
    /** Replicated to every chosen embassy site and verified. */
    ACTIVE,
    /** Refused by the rules or by the reviewer. */
    REJECTED
}
