package org.dataembassy.portal.agreements;

/**
 * Where a version of an agreement's treaty rules stands. Content can change only in {@link #DRAFT}.
 * DRAFT → IN_REVIEW (author submits; checks and tests must pass) → APPROVED (a second legal officer) or
 * REJECTED → PUBLISHED (the signed bundle is active in OPA) → SUPERSEDED (a later version was published).
 */
public enum VersionStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    REJECTED,
    PUBLISHED,
    SUPERSEDED;

    public boolean editable() {
        return this == DRAFT;
    }
}
