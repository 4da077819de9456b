package org.dataembassy.portal.policy;

/**
 * An agreement as the active policy bundle knows it.
 *
 * @param key              data key and treaty package name, e.g. {@code ee_lu} (what decision inputs name)
 * @param id               the agreement's own id, e.g. {@code ee-lu} (what reasons cite)
 * @param originatingState ISO code of the state whose data is hosted
 * @param hostState        ISO code of the hosting state
 */
public record AgreementSummary(String key, String id, String title, String originatingState, String hostState) {
}
