package org.dataembassy.portal.agreements.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dataembassy.portal.agreements.EntryPoint;
import org.dataembassy.portal.shared.InvalidInputException;

/**
 * The fields each entry point's input may have (docs/policy-authoring.md), checked for what-if decisions (the try-it
 * panel and {@code POST /api/decisions/…}) before OPA is asked: a field the rules do not read would be silently
 * ignored, so a misspelt {@code clasification} or a question the rules cannot hear is refused by path, with the
 * nearest known name, instead of being answered as if it had not been asked. Closed vocabularies the rules
 * depend on (a transfer's purpose, a request's kind, an event's kind) are checked too.
 */
public final class DecisionInputShape {

    private static final Map<EntryPoint, Set<String>> TOP = Map.of(
            EntryPoint.ONBOARDING, Set.of("agreement", "at", "dataset", "facts", "requester"),
            EntryPoint.TRANSFER, Set.of("agreement", "at", "dataset", "transfer", "facts", "requester"),
            EntryPoint.JURISDICTION, Set.of("agreement", "at", "request", "facts"),
            EntryPoint.ACTIVATION, Set.of("agreement", "at", "activation", "facts"),
            EntryPoint.DUTIES, Set.of("agreement", "at", "facts"));
    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("dataset", Set.of("classification", "personal_data", "register", "categories", "size_gib", "name")),
            Map.entry("transfer", Set.of("from_site", "to_site", "purpose", "recipient_state")),
            Map.entry("request", Set.of("kind", "requesting_state", "person", "emergency", "consent_by",
                    "consent_unobtainable_in_time", "limited_to_averting_danger", "court_order", "court_state", "waiver",
                    "audit_scope", "notice_given", "previous_audits", "audits_this_year", "personnel_cleared_by",
                    "notified_within_hours")),
            Map.entry("request.person", Set.of("acting_for", "cleared_by", "nationality")),
            Map.entry("request.court_order", Set.of("issuing_state", "court", "final", "transmitted_via")),
            Map.entry("request.waiver", Set.of("by", "express")),
            Map.entry("activation", Set.of("triggered_by", "approvals", "declarations", "site", "host_state_notified",
                    "stage", "emergency_type", "purpose")),
            Map.entry("activation.triggered_by", Set.of("id", "role")),
            Map.entry("activation.approvals[]", Set.of("id", "role")),
            Map.entry("facts", Set.of("events", "fulfilled", "activations")),
            Map.entry("facts.events[]", Set.of("id", "kind", "state", "start", "end", "sites", "reference", "source")),
            Map.entry("facts.activations[]", Set.of("id", "activated_at", "host_notified_at")),
            Map.entry("facts.fulfilled[]", Set.of("code", "on")));
    private static final Map<String, Set<String>> VOCABULARY = Map.of(
            "transfer.purpose", Set.of("replication", "restore", "evacuation", "migration"),
            "request.kind", Set.of("search", "requisition", "attachment", "execution", "entry", "access", "court_order",
                    "audit", "disclose_location"),
            "facts.events[].kind", Set.of("martial_law", "state_of_emergency", "armed_conflict", "severance_of_relations",
                    "change_of_government", "new_law", "site_incident", "court_order", "other"));

    private DecisionInputShape() {
    }

    /** Refuses the input with one message per unknown field or value, keyed by its path ({@code input.dataset.clasification}). */
    public static void check(EntryPoint entryPoint, Map<String, Object> input) {
        Map<String, String> errors = new LinkedHashMap<>();
        known(input, "input", TOP.get(entryPoint), errors);
        for (String part : TOP.get(entryPoint)) {
            visit(input.get(part), part, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void visit(Object value, String shape, Map<String, String> errors) {
        String path = "input." + shape.replace("[]", "");
        if (value instanceof Map<?, ?> map && FIELDS.containsKey(shape)) {
            known(map, path, FIELDS.get(shape), errors);
            map.forEach((k, v) -> visit(v, shape + "." + k, errors));
        } else if (value instanceof List<?> list && FIELDS.containsKey(shape + "[]")) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> item) {
                    known(item, path + "[" + i + "]", FIELDS.get(shape + "[]"), errors);
                    int at = i;
                    item.forEach((k, v) -> vocabulary(v, shape + "[]." + k, path + "[" + at + "]." + k, errors));
                }
            }
        } else {
            vocabulary(value, shape, path, errors);
        }
    }

    private static void vocabulary(Object value, String shape, String path, Map<String, String> errors) {
        Set<String> allowed = VOCABULARY.get(shape);
        if (allowed != null && value != null && !allowed.contains(String.valueOf(value))) {
            errors.put(path, "\"" + value + "\" is not one of " + String.join(", ", new TreeSet<>(allowed))
                    + ClauseChecks.nearest(String.valueOf(value), allowed));
        }
    }

    private static void known(Map<?, ?> map, String path, Set<String> fields, Map<String, String> errors) {
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (!fields.contains(name)) {
                errors.put(path + "." + name, "unknown field" + ClauseChecks.nearest(name, fields) + "; known: "
                        + String.join(", ", new TreeSet<>(fields)));
            }
        }
    }
}
