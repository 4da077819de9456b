package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Autowired
    PolicyDecisions decisions;

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
