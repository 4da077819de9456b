package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.TreatyPeriod;

/**
 * The clauses of terms of schema_version 2, checked for what the rules need to read them as written: known
 * fields only, values from their vocabulary, ISO 8601 durations, operation scopes, conditions the rules can
 * evaluate (three levels) and complete duties. {@link Conditions} checks the conditions.
 */
final class ClauseChecks {

    static final String PREFIX = "terms.clauses.";

    static final Pattern OPERATION = Pattern.compile("\\*|onboarding|activation|transfer(\\.(\\*|replication|restore|evacuation"
            + "|migration))?|jurisdiction(\\.(\\*|search|requisition|attachment|execution|entry|access|court_order|audit"
            + "|disclose_location))?");
    private static final Set<String> DUTY = Set.of("code", "action", "within", "by_date", "owed_by", "owed_to", "article", "on",
            "anchor", "every", "fulfilled_by");
    /** The portal activities that meet a duty when they are done (a closed jurisdiction review meets its duty). */
    static final Set<String> FULFILLED_BY = Set.of("jurisdiction_review");
    private static final Map<String, Set<String>> CLAUSES = Map.ofEntries(
            Map.entry("data_scope", Set.of("article", "classification", "categories", "registers")),
            Map.entry("personal_data", Set.of("article", "allowed", "sources", "review_on")),
            Map.entry("host_access", Set.of("article", "prohibited", "controlled", "exceptions")),
            Map.entry("immunity", Set.of("article", "from", "object", "survives", "waiver")),
            Map.entry("personnel", Set.of("article", "rules")),
            Map.entry("location", Set.of("article", "confidential", "may_disclose_to")),
            Map.entry("jurisdiction", Set.of("article", "governing_law", "court_orders", "other_orders")),
            Map.entry("audit", Set.of("article", "by", "minimum", "maximum")),
            Map.entry("notification", Set.of("article", "duties")),
            Map.entry("host_events", Set.of("article", "rules")),
            Map.entry("suspension", Set.of("article", "grounds", "scopes_allowed", "never_suspended", "review_every",
                    "decide_within")),
            Map.entry("termination", Set.of("article", "by", "notice")),
            Map.entry("evacuation", Set.of("article", "on", "within", "destination", "code", "action", "owed_by", "owed_to",
                    "after_deadline", "then")),
            Map.entry("activation", Set.of("article", "grounds", "excluded", "may_trigger", "approvers", "site_roles",
                    "host_notice")),
            Map.entry("periodic_duties", Set.of()));
    static final Set<String> EVENTS = Set.of("martial_law", "state_of_emergency", "change_of_government", "court_order",
            "new_law", "site_incident", "armed_conflict", "severance_of_relations");

    private ClauseChecks() {
    }

    static void clauses(JsonNode terms, Map<String, String> errors) {
        JsonNode clauses = terms.path("clauses");
        if (!clauses.isObject()) {
            errors.put("terms.clauses", "required: an object of clauses (an empty object for a blank draft)");
            return;
        }
        known(clauses, "terms.clauses", CLAUSES.keySet(), errors);
        clauses.fields().forEachRemaining(e -> {
            if (CLAUSES.containsKey(e.getKey()) && !e.getKey().equals("periodic_duties")) {
                known(e.getValue(), "terms.clauses." + e.getKey(), CLAUSES.get(e.getKey()), errors);
            }
        });
        dataScope(clauses.path("data_scope"), errors);
        ClauseSections.accessAndJurisdiction(clauses, errors);
        ClauseSections.auditAndNotification(clauses, errors);
        ClauseSections.eventsSuspensionAndEnd(clauses, errors);
        Activation.check(clauses.path("activation"), PREFIX + "activation", errors);
        if (clauses.has("periodic_duties")) {
            list(clauses.path("periodic_duties"), PREFIX + "periodic_duties", (d, at) -> duty(d, at, "every", errors));
        }
    }

    private static void dataScope(JsonNode scope, Map<String, String> errors) {
        if (!scope.isObject()) {
            return;
        }
        String at = "terms.clauses.data_scope";
        JsonNode classification = scope.path("classification");
        if (classification.has("ceiling") == classification.has("allowed")) {
            errors.put(at + ".classification", "either {\"ceiling\": …} (any data up to a level) or {\"allowed\": […]}");
        } else if (classification.has("ceiling")) {
            classification(classification.path("ceiling"), at + ".classification.ceiling", errors);
        } else {
            classification.path("allowed").forEach(c -> classification(c, at + ".classification.allowed", errors));
        }
        oneOf(scope.path("categories").path("mode"), at + ".categories.mode", Set.of("open", "closed"), true, errors);
        operations(scope.path("registers").path("review_on"), at + ".registers.review_on", errors);
    }

    private static void classification(JsonNode value, String at, Map<String, String> errors) {
        try {
            Classification.valueOf(value.asText());
        } catch (IllegalArgumentException e) {
            errors.put(at, "\"" + value.asText() + "\" is not a classification; one of "
                    + String.join(", ", Arrays.stream(Classification.values()).map(Enum::name).toList()));
        }
    }

    static void measures(JsonNode terms, Map<String, String> errors) {
        JsonNode measures = terms.path("measures");
        if (measures.isMissingNode()) {
            return;
        }
        known(measures, "terms.measures", Set.of("restrictions"), errors);
        list(measures.path("restrictions"), "terms.measures.restrictions", (r, at) -> {
            known(r, at, Set.of("id", "from", "until", "scope", "when", "effect", "code", "clause", "reference", "message"), errors);
            required(r, at, "id", errors);
            required(r, at, "code", errors);
            TermsV2Validator.date(r.path("from"), at + ".from", true, errors);
            TermsV2Validator.date(r.path("until"), at + ".until", false, errors);
            operations(r.path("scope"), at + ".scope", errors);
            oneOf(r.path("effect"), at + ".effect", Set.of("review", "deny"), true, errors);
            Conditions.check(r.path("when"), at + ".when", false, errors);
        });
    }

    static void duties(JsonNode list, String path, Map<String, String> errors) {
        list(list, path, (d, at) -> duty(d, at, "within", errors));
    }

    /** A duty says what, by whom, to whom and by when ({@code period} or a fixed {@code by_date}). */
    static void duty(JsonNode d, String at, String period, Map<String, String> errors) {
        if (d.isMissingNode()) {
            return;
        }
        known(d, at, DUTY, errors);
        for (String field : List.of("code", "owed_by", "owed_to")) {
            required(d, at, field, errors);
        }
        if (d.path(period).isMissingNode() && d.path("by_date").isMissingNode()) {
            errors.put(at + "." + period, "required: an ISO 8601 period such as P30D or PT24H" + (period.equals("within")
                    ? " (or by_date)" : ""));
        }
        duration(d.path(period), at + "." + period, errors);
        TermsV2Validator.date(d.path("by_date"), at + ".by_date", false, errors);
        oneOf(d.path("fulfilled_by"), at + ".fulfilled_by", FULFILLED_BY, false, errors);
    }

    static void duration(JsonNode value, String at, Map<String, String> errors) {
        if (!value.isMissingNode() && !value.isNull() && !TreatyPeriod.isPeriod(value.asText())) {
            errors.put(at, "\"" + value.asText() + "\" is not an ISO 8601 period (e.g. P180D, P12M, PT24H)");
        }
    }

    static void operations(JsonNode list, String at, Map<String, String> errors) {
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            errors.put(at, "a list of operations");
            return;
        }
        list.forEach(op -> {
            if (!OPERATION.matcher(op.asText()).matches()) {
                errors.putIfAbsent(at, "\"" + op.asText() + "\" is not an operation: onboarding, transfer.<purpose>,"
                        + " jurisdiction.<kind>, activation, or a pattern (*, transfer.*)");
            }
        });
    }

    static void oneOf(JsonNode value, String at, Set<String> allowed, boolean required, Map<String, String> errors) {
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                errors.put(at, "required: one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        } else if (!allowed.contains(value.asText())) {
            errors.put(at, "\"" + value.asText() + "\" is not one of " + String.join(", ", new TreeSet<>(allowed))
                    + nearest(value.asText(), allowed));
        }
    }

    static void required(JsonNode node, String at, String field, Map<String, String> errors) {
        if (node.path(field).asText("").isBlank()) {
            errors.put(at + "." + field, "required");
        }
    }

    interface Item {
        void check(JsonNode item, String path);
    }

    static void list(JsonNode list, String path, Item check) {
        if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                check.check(list.get(i), path + "[" + i + "]");
            }
        }
    }

    /** Refuses fields a reader would not know, naming the nearest known one. */
    static void known(JsonNode node, String path, Set<String> fields, Map<String, String> errors) {
        if (!node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                errors.put(path + "." + name, "unknown field" + nearest(name, fields) + "; known: "
                        + String.join(", ", new TreeSet<>(fields)));
            }
        });
    }

    /** ", did you mean …?" for a name at most two edits from a known one, else "". */
    static String nearest(String name, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : new TreeSet<>(known)) {
            int d = distance(name, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return String.join(", ", out);
    }
}
