package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.dataembassy.portal.agreements.AgreementMeasure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a new agreement starts from: blank terms, or a named template's clauses under the new identity. */
class AgreementFilesTests {

    private static JsonNode terms(String path) throws Exception {
        return TermsJson.parse(TermsJson.termsOf(Files.readString(Path.of(path))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xa_xb", "xc_xd", "xe_xf"})
    void aCopyOfTermsOfSchemaVersion2KeepsTheClausesAndIsValidForItsNewParties(String template) throws Exception {
        JsonNode from = terms("policies-test/dataembassy/agreements/" + template + "/data.json");

        String copy = AgreementFiles.newTermsV2(from, template, "ee_fi_t1", "Title", "ref", "EE", "FI", false);

        assertThat(TermsValidator.validate("ee_fi_t1", copy)).isEmpty();
        JsonNode copied = TermsJson.parse(copy);
        assertThat(copied.get("clauses")).isEqualTo(from.get("clauses"));
        assertThat(copied.get("articles")).isEqualTo(from.get("articles"));
        assertThat(copied.has("fictional")).isFalse();
        assertThat(copied.at("/lifecycle/history").size()).as("the new treaty's own history").isZero();
        assertThat(copied.at("/sites/list").size()).isZero();
        assertThat(copied.get("illustrative_note").asText()).contains("copied from agreement " + template);
        assertThat(TermsJson.lifecycle(copied, LocalDate.of(2026, 1, 1))).isEqualTo("DRAFT");
    }

    @Test
    void blankFictionalTermsMayNameUserAssignedParties() {
        assertThat(TermsValidator.validate("xa_xb_t1",
                AgreementFiles.blankTermsV2("xa_xb_t1", "Title", "ref", "XA", "XB", true))).isEmpty();
        assertThat(TermsValidator.validate("xa_xb_t1",
                AgreementFiles.blankTermsV2("xa_xb_t1", "Title", "ref", "XA", "XB", false)))
                .containsKey("terms.parties.originating_state");
    }

    @Test
    void aCopyOfTheSeedsTermsLeavesAJurisdictionRestrictionBehind() throws Exception {
        JsonNode seed = terms("policies/dataembassy/agreements/ee_lu/data.json");
        JsonNode restricted = TermsJson.parse(JurisdictionMeasures.apply(TermsJson.pretty(seed),
                AgreementMeasure.RESTRICT, LocalDate.of(2026, 1, 1),
                "jurisdiction-review:1").orElseThrow());
        assertThat(restricted.has("restrictions")).isTrue();

        String copy = AgreementFiles.newTerms(restricted, "ee_lu", "ee_de_t1", "Title", "ref", "EE", "DE");

        assertThat(TermsJson.parse(copy).has("restrictions")).isFalse();
        assertThat(TermsJson.parse(copy).get("data")).isEqualTo(seed.get("data"));
        assertThat(TermsValidator.validate("ee_de_t1", copy)).isEmpty();
    }
}
