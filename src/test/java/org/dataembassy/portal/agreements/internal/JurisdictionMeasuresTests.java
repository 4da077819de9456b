package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.dataembassy.portal.agreements.AgreementMeasure;
import org.junit.jupiter.api.Test;

/** The measures of a jurisdiction review as written into an agreement's terms. */
class JurisdictionMeasuresTests {

    private static final String IN_FORCE = """
            {"id": "ee-lu", "lifecycle": {"status": "IN_FORCE", "in_force_from": "2020-01-01", "suspended_from": null}}
            """;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void aRestrictionAddsTheTermTheTransferRulesReadAndIsNotAppliedTwice() {
        String restricted = JurisdictionMeasures.apply(IN_FORCE, AgreementMeasure.RESTRICT, DAY, "jurisdiction-review:r1")
                .orElseThrow();
        JsonNode terms = TermsJson.parseOrEmpty(restricted);
        assertThat(terms.at("/restrictions/new_transfers_require_review").asBoolean()).isTrue();
        assertThat(terms.at("/restrictions/since").asText()).isEqualTo("2026-11-27");
        assertThat(terms.at("/restrictions/reference").asText()).isEqualTo("jurisdiction-review:r1");
        assertThat(terms.at("/lifecycle/status").asText()).isEqualTo("IN_FORCE");
        assertThat(JurisdictionMeasures.restricted(restricted)).isTrue();
        assertThat(JurisdictionMeasures.restricted(IN_FORCE)).isFalse();
        assertThat(JurisdictionMeasures.apply(restricted, AgreementMeasure.RESTRICT, DAY, "jurisdiction-review:r2")).isEmpty();
    }

    @Test
    void aSuspensionSetsTheStatusAndDateAndIsNotAppliedTwice() {
        String suspended = JurisdictionMeasures.apply(IN_FORCE, AgreementMeasure.SUSPEND, DAY, "r1").orElseThrow();
        JsonNode terms = TermsJson.parseOrEmpty(suspended);
        assertThat(terms.at("/lifecycle/status").asText()).isEqualTo("SUSPENDED");
        assertThat(terms.at("/lifecycle/suspended_from").asText()).isEqualTo("2026-11-27");
        assertThat(terms.at("/lifecycle/in_force_from").asText()).isEqualTo("2020-01-01");
        assertThat(TermsValidator.validate("ee_lu", suspended)).doesNotContainKey("terms.lifecycle.suspended_from");
        assertThat(JurisdictionMeasures.apply(suspended, AgreementMeasure.SUSPEND, DAY, "r2")).isEmpty();
    }

    @Test
    void aSuspensionNeverPredatesEntryIntoForce() {
        String future = IN_FORCE.replace("2020-01-01", "2027-03-01");
        String suspended = JurisdictionMeasures.apply(future, AgreementMeasure.SUSPEND, DAY, "r1").orElseThrow();
        assertThat(TermsJson.parseOrEmpty(suspended).at("/lifecycle/suspended_from").asText()).isEqualTo("2027-03-01");
    }

    private static String xc() throws Exception {
        return TermsJson.termsOf(Files.readString(
                Path.of("policies-test/dataembassy/agreements/xc_xd/data.json")));
    }

    /** Terms of schema_version 2: a dated measure every transfer is reviewed under, valid terms, not applied twice. */
    @Test
    void aRestrictionOfVersion2TermsIsADatedMeasure() throws Exception {
        String restricted = JurisdictionMeasures.apply(xc(), AgreementMeasure.RESTRICT, DAY, "jurisdiction-review:r1")
                .orElseThrow();
        JsonNode r = TermsJson.parseOrEmpty(restricted).at("/measures/restrictions/0");
        assertThat(r.path("from").asText()).isEqualTo("2026-11-27");
        assertThat(r.path("scope").get(0).asText()).isEqualTo("transfer");
        assertThat(r.path("effect").asText()).isEqualTo("review");
        assertThat(r.path("code").asText()).isEqualTo("AGREEMENT_RESTRICTED");
        assertThat(TermsValidator.validate("xc_xd", restricted)).isEmpty();
        assertThat(JurisdictionMeasures.restricted(restricted)).isTrue();
        assertThat(JurisdictionMeasures.apply(restricted, AgreementMeasure.RESTRICT, DAY, "r2")).isEmpty();
    }

    @Test
    void aSuspensionOfVersion2TermsIsAHistoryEntryFromThatDay() throws Exception {
        String suspended = JurisdictionMeasures.apply(xc(), AgreementMeasure.SUSPEND, DAY, "r1").orElseThrow();
        JsonNode terms = TermsJson.parseOrEmpty(suspended);
        JsonNode entry = terms.at("/lifecycle/history/2");
        assertThat(entry.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(entry.path("from").asText()).isEqualTo("2026-11-27");
        assertThat(entry.path("reference").asText()).isEqualTo("r1");
        assertThat(TermsJson.lifecycle(terms, DAY)).isEqualTo("SUSPENDED");
        assertThat(TermsJson.lifecycle(terms, DAY.minusDays(1))).isEqualTo("IN_FORCE");
        assertThat(TermsValidator.validate("xc_xd", suspended)).isEmpty();
        assertThat(JurisdictionMeasures.apply(suspended, AgreementMeasure.SUSPEND, DAY, "r2")).isEmpty();
    }
}
