package org.dataembassy.portal.agreements;

/**
 * A new bilateral agreement to encode. Its key is derived from the parties ({@code EE}, {@code LU} →
 * {@code ee_lu}, id {@code ee-lu}) unless {@code suffix} distinguishes a second agreement between them.
 * {@code schemaVersion} 2 starts from blank terms of schema_version 2 (docs/policy-authoring.md); absent or 1, from
 * the clause structure of a seed (schema_version 1).
 */
public record NewAgreement(String originatingState, String hostState, String title, String treatyReference,
                           String suffix, Integer schemaVersion) {

    public NewAgreement(String originatingState, String hostState, String title, String treatyReference, String suffix) {
        this(originatingState, hostState, title, treatyReference, suffix, null);
    }
}
