package org.dataembassy.portal.agreements;

/**
 * A new bilateral agreement to encode. Its key is derived from the parties ({@code EE}, {@code LU} →
 * {@code ee_lu}, id {@code ee-lu}) unless {@code suffix} distinguishes a second agreement between them.
 */
public record NewAgreement(String originatingState, String hostState, String title, String treatyReference,
                           String suffix) {
}
