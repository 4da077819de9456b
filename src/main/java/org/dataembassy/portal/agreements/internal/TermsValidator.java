package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.shared.Classification;

/**
 * Checks an agreement's structured terms before anything is stored or compiled: JSON syntax, ISO 3166 party
 * codes, a known lifecycle status that its dates support, dates that do not contradict each other,
 * classifications the portal knows, a quorum M of N with 1 ≤ M ≤ N, positive deadlines, an article for every
 * clause topic. Each problem is keyed by its JSON path ({@code terms.lifecycle.in_force_from}) for display
 * beside the field. Terms with {@code "schema_version": 2} are checked by {@link TermsV2Validator}.
 */
public final class TermsValidator {

    static final Set<String> STATUSES = Set.of("DRAFT", "SIGNED", "IN_FORCE", "SUSPENDED", "TERMINATED");
    static final List<String> ARTICLE_TOPICS = List.of("scope", "permitted_data", "personal_data", "host_access",
            "immunity", "personnel", "location", "jurisdiction", "audit", "notification", "suspension", "termination",
            "evacuation", "activation", "sites");

    private TermsValidator() {
    }

    /** Field path → message; empty when the terms are valid for agreement {@code key}. */
    public static Map<String, String> validate(String key, String termsJson) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode terms;
        try {
            terms = TermsJson.parse(termsJson == null ? "" : termsJson);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            errors.put("terms", "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage());
            return errors;
        }
        if (terms == null || !terms.isObject()) {
            errors.put("terms", "must be a JSON object");
            return errors;
        }
        JsonNode version = terms.path("schema_version");
        if (!version.isMissingNode()) {
            if (version.isInt() && version.asInt() == 2) {
                TermsV2Validator.validate(key, terms, errors);
            } else {
                errors.put("terms.schema_version", "2, or absent for the seeds' terms (schema_version 1)");
            }
            return errors;
        }
        TermsIdentity.check(key, terms, false, errors);
        lifecycle(terms, errors);
        dataClauses(terms, errors);
        activation(terms, errors);
        positive(terms, "notification", "incident_hours", errors);
        positive(terms, "notification", "emergency_entry_hours", errors);
        for (String topic : ARTICLE_TOPICS) {
            if (terms.path("articles").path(topic).path("number").asText("").isBlank()) {
                errors.put("terms.articles." + topic + ".number", "every clause needs its article number");
            }
        }
        JsonNode sites = terms.path("sites");
        for (int i = 0; i < sites.size(); i++) {
            if (sites.get(i).path("id").asText("").isBlank()) {
                errors.put("terms.sites[" + i + "].id", "required");
            }
            String state = sites.get(i).path("state").asText("");
            if (!TermsIdentity.isCountry(state)) {
                errors.put("terms.sites[" + i + "].state", TermsIdentity.unknownCountry(state));
            }
        }
        return errors;
    }

    private static void lifecycle(JsonNode terms, Map<String, String> errors) {
        JsonNode lifecycle = terms.path("lifecycle");
        String status = lifecycle.path("status").asText("");
        if (!STATUSES.contains(status)) {
            errors.put("terms.lifecycle.status", "must be one of DRAFT, SIGNED, IN_FORCE, SUSPENDED, TERMINATED");
        }
        LocalDate signed = date(terms, "lifecycle", "signed", errors);
        LocalDate inForce = date(terms, "lifecycle", "in_force_from", errors);
        LocalDate suspended = date(terms, "lifecycle", "suspended_from", errors);
        LocalDate terminated = date(terms, "lifecycle", "terminated_on", errors);
        LocalDate from = date(terms, "validity", "from", errors);
        LocalDate until = date(terms, "validity", "until", errors);
        order(signed, "lifecycle.signed", inForce, "lifecycle.in_force_from", errors);
        order(inForce, "lifecycle.in_force_from", suspended, "lifecycle.suspended_from", errors);
        order(inForce, "lifecycle.in_force_from", terminated, "lifecycle.terminated_on", errors);
        order(from, "validity.from", until, "validity.until", errors);
        if (("IN_FORCE".equals(status) || "SUSPENDED".equals(status) || "TERMINATED".equals(status)) && inForce == null) {
            errors.putIfAbsent("terms.lifecycle.in_force_from", "required when the status is " + status);
        }
        if (("IN_FORCE".equals(status) || "SUSPENDED".equals(status)) && from == null) {
            errors.putIfAbsent("terms.validity.from", "required when the status is " + status);
        }
        if ("SUSPENDED".equals(status) && suspended == null) {
            errors.putIfAbsent("terms.lifecycle.suspended_from", "required when the status is SUSPENDED");
        }
        if ("TERMINATED".equals(status) && terminated == null) {
            errors.putIfAbsent("terms.lifecycle.terminated_on", "required when the status is TERMINATED");
        }
        if ("IN_FORCE".equals(status) && terminated != null) {
            errors.putIfAbsent("terms.lifecycle.terminated_on", "an agreement in force has no termination date;"
                    + " set the status to TERMINATED or clear the date");
        }
    }

    private static LocalDate date(JsonNode terms, String object, String field, Map<String, String> errors) {
        JsonNode value = terms.path(object).path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            errors.put("terms." + object + "." + field, "\"" + value.asText() + "\" is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static void order(LocalDate earlier, String earlierName, LocalDate later, String laterName,
                              Map<String, String> errors) {
        if (earlier != null && later != null && earlier.isAfter(later)) {
            errors.putIfAbsent("terms." + laterName, laterName.substring(laterName.indexOf('.') + 1) + " (" + later
                    + ") lies before " + earlierName.substring(earlierName.indexOf('.') + 1) + " (" + earlier + ")");
        }
    }

    private static void dataClauses(JsonNode terms, Map<String, String> errors) {
        JsonNode permitted = terms.path("data").path("permitted_classifications");
        if (!permitted.isArray() || permitted.isEmpty()) {
            errors.put("terms.data.permitted_classifications", "list at least one classification");
            return;
        }
        for (JsonNode c : permitted) {
            try {
                Classification.valueOf(c.asText());
            } catch (IllegalArgumentException e) {
                errors.put("terms.data.permitted_classifications", "\"" + c.asText() + "\" is not a classification;"
                        + " one of PUBLIC, INTERNAL, RESTRICTED, CONFIDENTIAL, SECRET, TOP_SECRET");
            }
        }
    }

    private static void activation(JsonNode terms, Map<String, String> errors) {
        JsonNode quorum = terms.path("activation").path("quorum");
        if (quorum.isMissingNode()) {
            errors.put("terms.activation.quorum", "required: {\"m\": …, \"n\": …}");
            return;
        }
        JsonNode m = quorum.path("m");
        JsonNode n = quorum.path("n");
        if (!m.isInt() || !n.isInt()) {
            errors.put("terms.activation.quorum", "m and n must be whole numbers");
        } else if (m.asInt() < 1 || n.asInt() < m.asInt()) {
            errors.put("terms.activation.quorum", "needs 1 ≤ m ≤ n (found m = " + m.asInt() + ", n = " + n.asInt() + ")");
        }
    }

    private static void positive(JsonNode terms, String object, String field, Map<String, String> errors) {
        JsonNode value = terms.path(object).path(field);
        if (!value.isMissingNode() && !value.isNull() && (!value.isNumber() || value.asDouble() <= 0)) {
            errors.put("terms." + object + "." + field, "must be a positive number of hours");
        }
    }
}
