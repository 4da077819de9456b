package org.dataembassy.portal.agreements;

import java.time.Instant;

/**
 * One version of an agreement's treaty rules: structured terms (JSON, the {@code terms} object of the
 * agreement's {@code data.json}), the treaty package (Rego) and its tests (Rego).
 *
 * <p>What may be null, and when: components that belong to a step not yet taken are null until it is taken. No
 * other component is ever null.
 *
 * @param basedOn        the version this one was drafted from; null for an agreement's first version
 * @param lifecycle      the agreement's lifecycle status the terms state (DRAFT, IN_FORCE …), read from the terms
 * @param changeNote     the author's note on what changes (may be empty)
 * @param updatedAt      the last change of the row (its creation at first)
 * @param submittedAt    when it was submitted for review; null while a draft
 * @param reviewer       who approved or rejected it (never its author: four eyes); null until reviewed
 * @param reviewedAt     when it was reviewed; null until reviewed
 * @param reviewComment  the reviewer's comment; null until reviewed, and when an approval gave none
 * @param publishedBy    who published it to OPA; null until published
 * @param publishedAt    when it was published; null until published
 * @param bundleRevision the bundle revision it was published in ({@code <key>-<version>+r<n>}); null until published
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

    /**
     * The entity tag of this version as stored (an HTTP strong validator): it changes with every change of the row,
     * so a client that read the version can say which state its change is based on ({@code If-Match}).
     */
    public String etag() {
        Instant changed = updatedAt == null ? createdAt : updatedAt;
        long micros = changed == null ? 0 : changed.getEpochSecond() * 1_000_000L + changed.getNano() / 1_000;
        return "\"" + agreementKey + "-v" + version + "-" + status.name().toLowerCase() + "-" + Long.toString(micros, 36) + "\"";
    }
}
