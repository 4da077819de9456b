package org.dataembassy.portal.datasets;

/** Where an onboarding request stands. */
public enum OnboardingStatus {
    /** Submitted; the policy decision is pending. */
    SUBMITTED,
    /** The treaty rules require a legal officer's review. */
    IN_REVIEW,
    /** Onboarding approved (by the rules alone or after review). */
    ACCEPTED,
    /** Refused by the rules or by the reviewer. */
    REJECTED
}
