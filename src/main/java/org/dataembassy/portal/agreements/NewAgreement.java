package org.dataembassy.portal.agreements;

/**
 * A new bilateral agreement to encode. Its key is derived from the parties ({@code EE}, {@code LU} →
 * {@code ee_lu}, id {@code ee-lu}) unless {@code suffix} distinguishes a second agreement between them.
 * <p>
 * Its first draft starts blank or from a template the legal officer chose, never from a silent copy:
 * {@code template} (may be null) is the key of an agreement with a published version whose clauses are copied;
 * without one, {@code schemaVersion} 2 starts from blank terms of schema_version 2 (docs/policy-authoring.md).
 * Terms of schema_version 1 have no blank form and need a template. {@code schemaVersion} (may be null) is then the
 * template's, or 1 without a template. {@code fictional} (may be null, meaning false) marks a test agreement of
 * schema_version 2, whose parties may have the user-assigned codes XA to XZ.
 */
public record NewAgreement(String originatingState, String hostState, String title, String treatyReference,
                           String suffix, Integer schemaVersion, String template, Boolean fictional) {

    /** Without a template: blank terms for schema_version 2 (for 1 or null, refused: a template is required). */
    public NewAgreement(String originatingState, String hostState, String title, String treatyReference, String suffix,
                        Integer schemaVersion) {
        this(originatingState, hostState, title, treatyReference, suffix, schemaVersion, null, null);
    }

    /** A new agreement whose first draft copies the clauses of the published agreement {@code template}. */
    public static NewAgreement fromTemplate(String template, String originatingState, String hostState, String title,
                                            String treatyReference, String suffix) {
        return new NewAgreement(originatingState, hostState, title, treatyReference, suffix, null, template, null);
    }
}
