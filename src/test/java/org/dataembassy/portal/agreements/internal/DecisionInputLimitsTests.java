package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class DecisionInputLimitsTests {

    @Test
    void aRealisticInputPasses() {
        Map<String, Object> input = Map.of("agreement", "ee_lu", "activation", Map.of(
                "triggered_by", Map.of("id", "cora", "role", "GOVERNMENT_CIO"),
                "approvals", List.of(Map.of("id", "cade", "role", "CRISIS_COORDINATOR")), "site", "embassy-lu"));
        assertThat(DecisionInputLimits.check(input)).isPositive();
    }

    @Test
    void tooManyBytesSaysTheLimitAndTheSize() {
        Map<String, Object> input = Map.of("agreement", "ee_lu", "note", "x".repeat(20_000));
        assertThat(errors(input)).containsEntry("input", "at most 16,384 bytes of JSON; this one has 20,031");
    }

    @Test
    void nestingDeeperThanEightLevelsIsRefusedWhereItHappens() {
        Map<String, Object> input = new HashMap<>();
        Map<String, Object> level = input;
        for (int i = 0; i < 10; i++) {
            Map<String, Object> next = new HashMap<>();
            level.put("a", next);
            level = next;
        }
        assertThat(errors(input)).containsEntry("input.a.a.a.a.a.a.a.a", "at most 8 levels of nesting");
    }

    @Test
    void tooManyKeysOrItemsAreRefused() {
        Map<String, Object> keys = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            keys.put("k" + i, 1);
        }
        assertThat(errors(Map.of("dataset", keys))).containsEntry("input.dataset",
                "at most 100 keys in an object; this one has 101");
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            items.add(i);
        }
        assertThat(errors(Map.of("list", items))).containsEntry("input.list",
                "at most 100 items in an array; this one has 5,000");
    }

    @Test
    void nullsAnywhereNonFiniteNumbersAndLongAgreementKeysAreRefused() {
        Map<String, Object> dataset = new HashMap<>();
        dataset.put("register", null);
        assertThat(errors(Map.of("dataset", dataset))).containsEntry("input.dataset.register",
                "null is not a value; leave the field out");
        assertThat(errors(Map.of("size", Double.POSITIVE_INFINITY))).containsEntry("input.size", "not a finite number");
        assertThat(errors(Map.of("agreement", "a".repeat(41)))).containsKey("input.agreement");
    }

    private static Map<String, String> errors(Map<String, Object> input) {
        try {
            DecisionInputLimits.check(input);
        } catch (InvalidInputException e) {
            return e.fieldErrors();
        }
        throw new AssertionError("expected a refusal of " + input.keySet());
    }
}
