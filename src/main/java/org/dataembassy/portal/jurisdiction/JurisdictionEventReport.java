package org.dataembassy.portal.jurisdiction;

/**
 * A legal officer's report of an event that calls the host state's jurisdiction into question.
 *
 * @param agreementKey the agreement concerned, e.g. {@code ee_lu}
 * @param site         the embassy site concerned; null for every site of the agreement in the host state
 */
public record JurisdictionEventReport(String agreementKey, EventKind kind, String description, String site) {
}
