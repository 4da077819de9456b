package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The lifecycle shown for a version is the one in force on the day it is read. */
class TermsJsonTests {

    private static final String V2 = """
            {"schema_version": 2, "lifecycle": {"history": [
              {"status": "SIGNED", "from": "2024-05-01"},
              {"status": "IN_FORCE", "from": "2025-01-01"},
              {"status": "SUSPENDED", "from": "2027-03-01"}]}}""";

    @Test
    void theStatusStoredAtSaveIsReplacedByTheOneInForceOnTheDayOfTheRead() {
        String stored = TermsJson.lifecycle(TermsJson.parseOrEmpty(V2), LocalDate.of(2026, 12, 7));
        assertThat(stored).isEqualTo("IN_FORCE");

        assertThat(TermsJson.lifecycleOn(stored, V2, LocalDate.of(2027, 2, 28))).isEqualTo("IN_FORCE");
        assertThat(TermsJson.lifecycleOn(stored, V2, LocalDate.of(2027, 3, 1))).isEqualTo("SUSPENDED");
        assertThat(TermsJson.lifecycleOn(stored, V2, LocalDate.of(2024, 4, 30))).isEqualTo("DRAFT");
    }

    @Test
    void aSuspensionOrTerminationOfTheSeedsModelShowsFromItsDateAsTheRulesApplyIt() {
        String suspended = "{\"lifecycle\": {\"status\": \"SUSPENDED\", \"suspended_from\": \"2027-03-01\"}}";
        assertThat(TermsJson.lifecycleOn("SUSPENDED", suspended, LocalDate.of(2027, 2, 28))).isEqualTo("IN_FORCE");
        assertThat(TermsJson.lifecycleOn("SUSPENDED", suspended, LocalDate.of(2027, 3, 1))).isEqualTo("SUSPENDED");
        String terminated = "{\"lifecycle\": {\"status\": \"TERMINATED\", \"terminated_on\": \"2027-03-01\"}}";
        assertThat(TermsJson.lifecycleOn("TERMINATED", terminated, LocalDate.of(2027, 2, 28))).isEqualTo("IN_FORCE");
        String undated = "{\"lifecycle\": {\"status\": \"SUSPENDED\", \"suspended_from\": null}}";
        assertThat(TermsJson.lifecycleOn("SUSPENDED", undated, LocalDate.of(2020, 1, 1))).isEqualTo("SUSPENDED");
        assertThat(TermsJson.lifecycleOn("IN_FORCE", "{}", LocalDate.of(2020, 1, 1))).isEqualTo("IN_FORCE");
    }
}
