package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared case tables ({@code policies/dataembassy/testdata/<entry point>/data.json}, also run by the Rego tests)
 * sent through {@link PolicyDecisions} to the real supervised OPA: every case's outcome and reason codes, and every
 * reason citing its agreement and article.
 */
@PortalIntegrationTest
class TreatyContractIT {

    private static final Path TABLES = Path.of("policies", "dataembassy", "testdata");
    private static final List<String> ENTRY_POINTS = List.of("onboarding", "transfer", "jurisdiction", "activation");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Object> PLAIN = Map.of("classification", "INTERNAL", "personal_data", false,
            "register", "");

    @Autowired
    PolicyDecisions decisions;
    @Autowired
    DecisionHistory history;

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryTableGetsTheExpectedOutcomeAndCodes() {
        return ENTRY_POINTS.stream().flatMap(entryPoint -> cases(entryPoint).stream()
                .map(c -> DynamicTest.dynamicTest(entryPoint + ": " + c.path("name").asText(), () -> check(entryPoint, c))));
    }

    @Test
    void everyEntryPointHasATableWithAllThreeOutcomes() {
        for (String entryPoint : ENTRY_POINTS) {
            assertThat(cases(entryPoint)).as(entryPoint).extracting(c -> c.path("outcome").asText())
                    .contains("allow", "review", "deny");
        }
    }

    private void check(String entryPoint, JsonNode c) {
        @SuppressWarnings("unchecked")
        Map<String, Object> input = JSON.convertValue(c.path("input"), Map.class);
        PolicyDecision decision = As.user("system:test", "SYSTEM", () -> decisions.decide(
                new PolicyQuery("dataembassy/" + entryPoint, "test:treaty-contract", input)));

        assertThat(decision.engineUnavailable()).as("engine answered").isFalse();
        assertThat(decision.outcome()).isEqualTo(outcome(c.path("outcome").asText()));
        List<String> expectedCodes = new ArrayList<>();
        c.path("codes").forEach(code -> expectedCodes.add(code.asText()));
        assertThat(decision.reasons()).extracting(Reason::code).containsExactlyElementsOf(expectedCodes);
        String agreement = input.get("agreement") instanceof String key ? key.replace('_', '-') : "-";
        assertThat(decision.reasons()).allSatisfy(r -> {
            assertThat(r.message()).isNotBlank();
            if (!r.code().equals("AGREEMENT_UNKNOWN")) {
                assertThat(r.agreement()).isEqualTo(agreement);
                assertThat(r.article()).as("article of " + r.code()).isNotBlank().isNotEqualTo("-");
            }
        });
    }

    /**
     * The rules never read the clock and deny without a date (Rego tests): that this input is allowed proves the
     * portal stated one. The record keeps it, so a replay judges at the same moment.
     */
    @Test
    void aDecisionAskedWithoutADateIsTakenNowAndRecordedWithThatDate() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PolicyDecision decision = As.user("system:test", "SYSTEM", () -> decisions.decide(new PolicyQuery(
                "dataembassy/onboarding", "test:decision-time", Map.of("agreement", "ee_lu", "dataset", PLAIN))));
        Instant after = Instant.now();

        assertThat(decision.outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW);
        Object at = recorded(decision).input().get(PolicyQuery.DECISION_TIME);
        assertThat(at).isInstanceOf(String.class);
        assertThat(Instant.parse((String) at)).isBetween(before, after);
    }

    @Test
    void aDecisionAskedForAnotherDateIsTakenAndRecordedForThatDate() {
        PolicyDecision decision = As.user("system:test", "SYSTEM", () -> decisions.decide(new PolicyQuery(
                "dataembassy/onboarding", "test:decision-time", Map.of("agreement", "ee_lu", "dataset", PLAIN,
                "at", "2017-06-01T00:00:00Z"))));

        assertThat(decision.reasons()).extracting(Reason::code).containsExactly("AGREEMENT_OUTSIDE_VALIDITY");
        assertThat(recorded(decision).input()).containsEntry(PolicyQuery.DECISION_TIME, "2017-06-01T00:00:00Z");
    }

    private RecordedDecision recorded(PolicyDecision decision) {
        return As.user("aude", "AUDITOR", () -> history.since(Instant.now().minusSeconds(60), 10_000)).stream()
                .filter(d -> d.id().equals(decision.decisionId())).findFirst().orElseThrow();
    }

    private static PolicyDecision.Outcome outcome(String name) {
        return switch (name) {
            case "allow" -> PolicyDecision.Outcome.ALLOW;
            case "review" -> PolicyDecision.Outcome.REVIEW_REQUIRED;
            case "deny" -> PolicyDecision.Outcome.DENY;
            default -> throw new IllegalArgumentException("unknown outcome in case table: " + name);
        };
    }

    private static List<JsonNode> cases(String entryPoint) {
        Path table = TABLES.resolve(entryPoint).resolve("data.json");
        try {
            List<JsonNode> cases = new ArrayList<>();
            JSON.readTree(Files.readString(table)).path("cases").forEach(cases::add);
            assertThat(cases).as("cases in " + table).isNotEmpty();
            return cases;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read case table " + table, e);
        }
    }
}
