package org.dataembassy.portal.agreements;

/**
 * What a legal officer edits in a draft.
 *
 * @param termsJson   the structured clauses: the {@code terms} JSON object
 * @param regoSource  the treaty package {@code dataembassy.agreements.<key>} (generated rules plus hand-written ones)
 * @param testsSource Rego tests for the treaty package ({@code package dataembassy.<key>_test})
 * @param changeNote  why this version exists, for the reviewer
 */
public record DraftContent(String termsJson, String regoSource, String testsSource, String changeNote) {
}
