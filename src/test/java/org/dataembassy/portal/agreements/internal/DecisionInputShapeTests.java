package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.EntryPoint;
import org.dataembassy.portal.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The input fields each entry point's rules read: every row of every case table passes; anything else is named. */
class DecisionInputShapeTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"policies-test/dataembassy/testdata/cases/xa_xb/data.json",
            "policies-test/dataembassy/testdata/cases/xc_xd/data.json",
            "policies-test/dataembassy/testdata/cases/xe_xf/data.json"})
    void everyCaseTableRowHasTheShapeOfItsEntryPoint(String table) throws Exception {
        for (var row : JSON.readTree(Files.readString(Path.of(table))).get("rows")) {
            EntryPoint point = EntryPoint.fromKey(row.get("entry_point").asText()).orElseThrow();
            Map<String, Object> input = JSON.convertValue(row.get("input"), Map.class);
            assertThatCode(() -> DecisionInputShape.check(point, input)).as(row.get("id").asText()).doesNotThrowAnyException();
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"onboarding", "transfer", "jurisdiction", "activation"})
    void everySeedCaseHasTheShapeOfItsEntryPoint(String entryPoint) throws Exception {
        EntryPoint point = EntryPoint.fromKey(entryPoint).orElseThrow();
        for (var c : JSON.readTree(Files.readString(Path.of("policies/dataembassy/testdata", entryPoint, "data.json"))).get("cases")) {
            Map<String, Object> input = JSON.convertValue(c.get("input"), Map.class);
            if (c.get("codes").toString().contains("REQUEST_KIND_UNKNOWN") && c.at("/input/request/kind").isTextual()) {
                // the rules deny it too (defence in depth); the API refuses it before asking
                assertThatThrownBy(() -> DecisionInputShape.check(point, input)).as(c.get("name").asText())
                        .isInstanceOf(InvalidInputException.class);
            } else {
                assertThatCode(() -> DecisionInputShape.check(point, input)).as(c.get("name").asText())
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void unknownFieldsAndValuesAreNamedByPath() {
        Map<String, Object> input = Map.of("agreement", "ee_lu", "dataset", Map.of("clasification", "INTERNAL"),
                "transfer", Map.of("purpose", "replicaton"), "verdict", "allow");
        assertThatThrownBy(() -> DecisionInputShape.check(EntryPoint.TRANSFER, input))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors().get("input.dataset.clasification")).startsWith("unknown field (did you mean \"classification\"?)");
                    assertThat(e.fieldErrors().get("input.transfer.purpose")).contains("(did you mean \"replication\"?)");
                    assertThat(e.fieldErrors()).containsKey("input.verdict");
                });
    }

    @Test
    void aPartOfAnotherEntryPointIsRefused() {
        assertThatThrownBy(() -> DecisionInputShape.check(EntryPoint.ONBOARDING, Map.of("agreement", "ee_lu",
                "request", Map.of("kind", "search")))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("input.request"));
    }

    @Test
    void factsOfEventsAreCheckedItemByItem() {
        Map<String, Object> input = Map.of("agreement", "xa_xb", "facts", Map.of("events", List.of(
                Map.of("kind", "marshal_law", "state", "XB", "start", "2026-01-01", "colour", "red"))));
        assertThatThrownBy(() -> DecisionInputShape.check(EntryPoint.DUTIES, input))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors().get("input.facts.events[0].kind")).contains("(did you mean \"martial_law\"?)");
                    assertThat(e.fieldErrors()).containsKey("input.facts.events[0].colour");
                });
    }
}
