package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Terms of schema_version 2: the three fictional agreements of policies-test/ are valid; each mistake is named at its path. */
class TermsV2ValidatorTests {

    private static String terms(String key) throws Exception {
        return TermsJson.termsOf(Files.readString(Path.of("policies-test/dataembassy/agreements", key, "data.json")));
    }

    private static Map<String, String> validateChanged(String key, Consumer<ObjectNode> change) throws Exception {
        ObjectNode t = (ObjectNode) TermsJson.parse(terms(key));
        change.accept(t);
        return TermsValidator.validate(key, TermsJson.pretty(t));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xa_xb", "xc_xd", "xe_xf"})
    void theFictionalAgreementsAreValid(String key) throws Exception {
        assertThat(TermsValidator.validate(key, terms(key))).isEmpty();
    }

    @Test
    void blankTermsOfANewAgreementAreValid() {
        assertThat(TermsValidator.validate("ee_fi", AgreementFiles.blankTermsV2("ee_fi", "Title", "ref", "EE", "FI")))
                .isEmpty();
    }

    @Test
    void userAssignedCodesOnlyInFictionalTerms() throws Exception {
        assertThat(validateChanged("xa_xb", t -> t.remove("fictional")))
                .containsEntry("terms.parties.originating_state", "\"XA\" is not an ISO 3166-1 alpha-2 country code");
    }

    @Test
    void aDutyNamesOnlyAPortalActivityThatCanMeetIt() throws Exception {
        assertThat(validateChanged("xa_xb", t -> ((ObjectNode) t.at("/clauses/periodic_duties/0"))
                .put("fulfilled_by", "audit_report"))).containsOnlyKeys("terms.clauses.periodic_duties[0].fulfilled_by");
        assertThat(validateChanged("xa_xb", t -> { })).as("jurisdiction_review is one").isEmpty();
    }

    @Test
    void aHostNoticeIsCountedInWholeWeeksDaysOrHours() throws Exception {
        assertThat(validateChanged("xc_xd", t -> ((ObjectNode) t.at("/clauses/activation/host_notice")).put("within", "PT30M")))
                .containsOnlyKeys("terms.clauses.activation.host_notice.within");
        assertThat(validateChanged("xc_xd", t -> ((ObjectNode) t.at("/clauses/activation/host_notice")).put("within", "P1M")))
                .containsOnlyKeys("terms.clauses.activation.host_notice.within");
        assertThat(validateChanged("xc_xd", t -> ((ObjectNode) t.at("/clauses/activation/host_notice")).put("within", "P1W")))
                .isEmpty();
    }

    @Test
    void aHistoryOutOfOrderIsRefusedAtTheLaterEntry() throws Exception {
        Map<String, String> errors = validateChanged("xe_xf", t -> ((ArrayNode) t.at("/lifecycle/history"))
                .addObject().put("status", "IN_FORCE").put("from", "2026-03-15"));
        assertThat(errors).containsEntry("terms.lifecycle.history[3].from",
                "2026-03-15 lies before history[2].from (2026-04-01)");
    }

    @Test
    void aTerminatedAgreementDoesNotComeBackIntoForce() throws Exception {
        Map<String, String> errors = validateChanged("xa_xb", t -> {
            ArrayNode history = (ArrayNode) t.at("/lifecycle/history");
            history.addObject().put("status", "TERMINATED").put("from", "2027-01-01");
            history.addObject().put("status", "IN_FORCE").put("from", "2027-02-01");
        });
        assertThat(errors).containsEntry("terms.lifecycle.history[3].status",
                "TERMINATED cannot be followed by IN_FORCE; after TERMINATED comes nothing");
    }

    @Test
    void aSuspensionOutsideTheAllowedScopesOrGroundsIsRefused() throws Exception {
        Map<String, String> errors = validateChanged("xe_xf", t -> {
            ObjectNode entry = (ObjectNode) t.at("/lifecycle/history/2");
            entry.putArray("scope").add("activation");
            entry.put("ground", "boredom");
        });
        assertThat(errors).containsKeys("terms.lifecycle.history[2].scope", "terms.lifecycle.history[2].ground");
    }

    @Test
    void aMisspeltClauseIsRefusedWithTheNearestName() throws Exception {
        Map<String, String> errors = validateChanged("xc_xd", t -> ((ObjectNode) t.get("clauses"))
                .set("host_acess", t.at("/clauses/host_access")));
        assertThat(errors.get("terms.clauses.host_acess")).startsWith("unknown field (did you mean \"host_access\"?)");
    }

    @Test
    void anArticleKeyThatNamesNoArticleIsRefusedWhereverItIs() throws Exception {
        Map<String, String> errors = validateChanged("xc_xd", t -> ((ObjectNode) t.at("/clauses/host_access/exceptions/0"))
                .put("article", "a5_33"));
        assertThat(errors.get("terms.clauses.host_access.exceptions[0].article"))
                .isEqualTo("names article \"a5_33\", which is not in terms.articles (did you mean \"a5_3\"?)");
    }

    @Test
    void activationNeedsGroundsAndAQuorumThatCanBeMet() throws Exception {
        Map<String, String> errors = validateChanged("xc_xd", t -> {
            ObjectNode a = (ObjectNode) t.at("/clauses/activation");
            a.remove("grounds");
            ((ObjectNode) a.at("/approvers/quorum")).put("m", 5);
        });
        assertThat(errors).containsKeys("terms.clauses.activation.grounds");
        assertThat(errors).containsEntry("terms.clauses.activation.approvers.quorum", "needs 1 ≤ m ≤ n (found m = 5, n = 4)");
    }

    @Test
    void conditionsDeeperThanTheRulesEvaluateAreRefused() throws Exception {
        Map<String, String> errors = validateChanged("xc_xd", t -> {
            JsonNode deep = TermsJson.parseOrEmpty("{\"any_of\": [{\"all_of\": [{\"none_of\": [{\"declared\": \"X\"}]}]}]}");
            ((ObjectNode) t.at("/clauses/activation")).set("grounds", deep);
        });
        assertThat(errors.get("terms.clauses.activation.grounds.any_of[0].all_of[0]")).startsWith("conditions nest at most 3 levels");
    }

    @Test
    void aFactWithoutOperatorAndAPeriodThatIsNotOneAreRefused() throws Exception {
        Map<String, String> errors = validateChanged("xa_xb", t -> {
            ((ObjectNode) t.at("/clauses/host_access/exceptions/0/when")).remove("in");
            ((ObjectNode) t.at("/clauses/evacuation")).put("within", "90 days");
        });
        assertThat(errors.get("terms.clauses.host_access.exceptions[0].when")).startsWith("a fact needs exactly one operator");
        assertThat(errors).containsEntry("terms.clauses.evacuation.within",
                "\"90 days\" is not an ISO 8601 period (e.g. P180D, P12M, PT24H)");
    }

    @Test
    void aSiteInTheWrongStateForItsRoleIsRefused() throws Exception {
        Map<String, String> errors = validateChanged("xa_xb", t -> ((ObjectNode) t.at("/sites/list/0")).put("state", "XA"));
        assertThat(errors).containsEntry("terms.sites.list[0].state", "an embassy site lies in the host state (XB)");
    }

    @Test
    void anUnknownSchemaVersionIsRefused() throws Exception {
        assertThat(validateChanged("xa_xb", t -> t.put("schema_version", 3)))
                .containsOnlyKeys("terms.schema_version");
    }
}
