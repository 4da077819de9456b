package org.dataembassy.portal.agreements;

import java.time.Instant;

/**
 * One version of an agreement's treaty rules: structured terms (JSON, the {@code terms} object of the
 * agreement's {@code data.json}), the treaty package (Rego) and its tests (Rego).
 */
public record AgreementVersion(
        String agreementKey,
        int version,
        VersionStatus status,
        VersionKind kind,
        Integer basedOn,
        String title,
        String lifecycle,
        String termsJson,
        String regoSource,
        String testsSource,
        String changeNote,
        String author,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        String reviewer,
        Instant reviewedAt,
        String reviewComment,
        String publishedBy,
        Instant publishedAt,
        String bundleRevision) {

    /** What this version changes, for the tree the checks and the bundle are built from. */
    public DraftContent content() {
        return new DraftContent(termsJson, regoSource, testsSource, changeNote);
    }

    public String label() {
        return agreementKey + " v" + version;
    }
}
