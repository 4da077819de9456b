package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TermsValidatorTests {

    static String seed;

    @BeforeAll
    static void readSeed() throws Exception {
        seed = TermsJson.termsOf(Files.readString(Path.of("policies/dataembassy/agreements/ee_lu/data.json")));
    }

    @Test
    void theSeedIsValid() {
        assertThat(TermsValidator.validate("ee_lu", seed)).isEmpty();
    }

    @Test
    void theIdMustMatchTheKey() {
        assertThat(TermsValidator.validate("ee_fr", seed)).containsEntry("terms.id",
                "must be \"ee-fr\" (the agreement key with hyphens)");
    }

    @Test
    void notJsonSaysWhere() {
        assertThat(TermsValidator.validate("ee_lu", "{\n  \"id\": \"ee-lu\",\n  oops\n}").get("terms"))
                .startsWith("not valid JSON at line 3");
    }

    @Test
    void unknownCountryCodesAreNamed() {
        String terms = seed.replace("\"host_state\" : \"LU\"", "\"host_state\" : \"XX\"");
        assertThat(TermsValidator.validate("ee_lu", terms))
                .containsEntry("terms.parties.host_state", "\"XX\" is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void contradictoryDatesAreReportedOnTheLaterField() {
        String terms = seed.replace("\"in_force_from\" : \"2018-01-01\"", "\"in_force_from\" : \"2016-01-01\"");
        assertThat(TermsValidator.validate("ee_lu", terms)).containsEntry("terms.lifecycle.in_force_from",
                "in_force_from (2016-01-01) lies before signed (2017-06-20)");
        String until = seed.replace("\"until\" : null", "\"until\" : \"2017-12-31\"");
        assertThat(TermsValidator.validate("ee_lu", until)).containsKey("terms.validity.until");
        String badDate = seed.replace("\"signed\" : \"2017-06-20\"", "\"signed\" : \"20 June 2017\"");
        assertThat(TermsValidator.validate("ee_lu", badDate))
                .containsEntry("terms.lifecycle.signed", "\"20 June 2017\" is not a date (YYYY-MM-DD)");
    }

    @Test
    void aStatusNeedsTheDatesThatSupportIt() {
        String suspended = seed.replace("\"status\" : \"IN_FORCE\"", "\"status\" : \"SUSPENDED\"");
        assertThat(TermsValidator.validate("ee_lu", suspended)).containsEntry("terms.lifecycle.suspended_from",
                "required when the status is SUSPENDED");
        String unknown = seed.replace("\"status\" : \"IN_FORCE\"", "\"status\" : \"ACTIVE\"");
        assertThat(TermsValidator.validate("ee_lu", unknown)).containsKey("terms.lifecycle.status");
    }

    @Test
    void quorumAndClassificationsAreChecked() {
        String quorum = seed.replaceFirst("\"m\" : 3", "\"m\" : 6");
        assertThat(TermsValidator.validate("ee_lu", quorum)).containsEntry("terms.activation.quorum",
                "needs 1 ≤ m ≤ n (found m = 6, n = 5)");
        String classification = seed.replace("\"PUBLIC\",", "\"UNCLASSIFIED\",");
        assertThat(TermsValidator.validate("ee_lu", classification))
                .containsKey("terms.data.permitted_classifications");
    }
}
