package org.dataembassy.portal.jurisdiction;

import java.time.LocalDate;

/**
 * A legal officer's report of an event that calls the host state's jurisdiction into question.
 *
 * @param agreementKey the agreement concerned, e.g. {@code ee_lu}
 * @param site         the embassy site concerned; null for every site of the agreement in the host state
 * @param since        the first day of the situation (recorded as a fact every treaty decision sees); null: today
 * @param until        its last day when already known; null while it lasts
 */
public record JurisdictionEventReport(String agreementKey, EventKind kind, String description, String site,
                                      LocalDate since, LocalDate until) {

    public JurisdictionEventReport(String agreementKey, EventKind kind, String description, String site) {
        this(agreementKey, kind, description, site, null, null);
    }
}
