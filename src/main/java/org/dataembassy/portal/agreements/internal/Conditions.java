package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conditions in terms of schema_version 2 ({@code when}, {@code requires}, {@code grounds}, {@code excluded}): a leaf
 * ({@code fact} with one operator, {@code declared} or {@code event}) or a group ({@code all_of}, {@code any_of},
 * {@code none_of}) of at most three levels, which is what the rules evaluate (Rego has no recursion): a deeper
 * condition would never hold, so it is refused here rather than silently false there.
 */
final class Conditions {

    static final int MAX_DEPTH = 3;
    private static final List<String> GROUPS = List.of("all_of", "any_of", "none_of");
    private static final List<String> OPERATORS = List.of("eq", "ne", "in", "contains", "gte", "lte", "present");
    private static final Set<String> LEAF_FIELDS = Set.of("fact", "declared", "event", "state", "code", "eq", "ne", "in",
            "contains", "gte", "lte", "present");

    private Conditions() {
    }

    static void check(JsonNode condition, String at, boolean required, Map<String, String> errors) {
        if (condition.isMissingNode() || condition.isNull()) {
            if (required) {
                errors.put(at, "required: a condition, e.g. {\"fact\": \"request.emergency\", \"in\": [\"fire\"]}");
            }
            return;
        }
        node(condition, at, 1, errors);
    }

    private static void node(JsonNode c, String at, int depth, Map<String, String> errors) {
        if (!c.isObject()) {
            errors.put(at, "a condition is an object: a leaf ({fact, <operator>}, {declared}, {event}) or a group");
            return;
        }
        List<String> groups = GROUPS.stream().filter(c::has).toList();
        if (groups.size() > 1) {
            errors.put(at, "one group per object: " + String.join(" and ", groups) + " found");
            return;
        }
        if (groups.size() == 1) {
            String group = groups.get(0);
            ClauseChecks.known(c, at, Set.of(group, "code"), errors);
            JsonNode members = c.path(group);
            if (!members.isArray() || members.isEmpty()) {
                errors.put(at + "." + group, "a non-empty list of conditions");
                return;
            }
            for (int i = 0; i < members.size(); i++) {
                JsonNode m = members.get(i);
                boolean isGroup = GROUPS.stream().anyMatch(m::has);
                if (isGroup && depth + 1 > MAX_DEPTH - 1) {
                    errors.put(at + "." + group + "[" + i + "]", "conditions nest at most " + MAX_DEPTH
                            + " levels (a group of groups of leaves); write this one flatter");
                } else {
                    node(m, at + "." + group + "[" + i + "]", depth + 1, errors);
                }
            }
            return;
        }
        leaf(c, at, errors);
    }

    private static void leaf(JsonNode c, String at, Map<String, String> errors) {
        ClauseChecks.known(c, at, LEAF_FIELDS, errors);
        if (c.has("declared") || c.has("event")) {
            if (c.has("event")) {
                ClauseChecks.oneOf(c.path("event"), at + ".event", ClauseChecks.EVENTS, true, errors);
            }
            return;
        }
        if (!c.path("fact").isTextual() || c.path("fact").asText().isBlank()) {
            errors.put(at + ".fact", "required: the input field it tests, e.g. request.emergency");
            return;
        }
        List<String> operators = OPERATORS.stream().filter(c::has).toList();
        if (operators.size() != 1) {
            errors.put(at, "a fact needs exactly one operator (" + String.join(", ", OPERATORS) + "); found "
                    + (operators.isEmpty() ? "none" : String.join(", ", operators)));
        } else if (operators.get(0).equals("in") && !c.path("in").isArray()) {
            errors.put(at + ".in", "a list of values");
        }
    }
}
