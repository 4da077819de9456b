package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading and writing the {@code terms} JSON of an agreement version. */
public final class TermsJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TermsJson() {
    }

    public record Parties(String originating, String host) {
    }

    /** Parses terms; throws {@link JsonProcessingException} with line and column when the text is not JSON. */
    static JsonNode parse(String termsJson) throws JsonProcessingException {
        return JSON.readTree(termsJson);
    }

    /** The terms as a JSON tree; an empty object when the text is not JSON. */
    public static JsonNode parseOrEmpty(String termsJson) {
        try {
            JsonNode node = JSON.readTree(termsJson);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    public static Parties parties(String termsJson) {
        JsonNode parties = parseOrEmpty(termsJson).path("parties");
        return new Parties(parties.path("originating_state").asText(""), parties.path("host_state").asText(""));
    }

    static String title(JsonNode terms) {
        return terms.path("title").asText("");
    }

    /**
     * The agreement's status: {@code lifecycle.status} of terms of schema_version 1; for schema_version 2, the status of
     * the last history entry in effect on {@code day} (DRAFT before the first). Stored with each version and
     * recomputed on every read for the day of the read ({@link #lifecycleOn}); the rules compute it themselves for
     * every decision date.
     */
    public static String lifecycle(JsonNode terms, LocalDate day) {
        if (terms.path("schema_version").asInt(1) != 2) {
            return terms.path("lifecycle").path("status").asText("DRAFT");
        }
        String status = "DRAFT";
        for (JsonNode e : terms.path("lifecycle").path("history")) {
            try {
                if (!LocalDate.parse(e.path("from").asText()).isAfter(day)) {
                    status = e.path("status").asText(status);
                }
            } catch (DateTimeParseException ignored) {
                // an undated entry is refused by the validator; it changes nothing here
            }
        }
        return status;
    }

    /**
     * The status in effect on {@code day}, as the rules judge it, for lists: the status stored when a version was saved
     * goes stale as dated changes come into force. Terms of schema_version 2: the last history entry in effect. Terms of
     * schema_version 1 (the rules' {@code treaty.status_at}): {@code lifecycle.status}, except that a suspension or
     * termination dated after {@code day} leaves the agreement IN_FORCE until then; {@code stored} when the terms state
     * no status.
     */
    public static String lifecycleOn(String stored, String termsJson, LocalDate day) {
        JsonNode terms = parseOrEmpty(termsJson);
        if (schemaVersion(terms) == 2) {
            return lifecycle(terms, day);
        }
        JsonNode lifecycle = terms.path("lifecycle");
        String status = lifecycle.path("status").asText(stored);
        String takesEffect = "SUSPENDED".equals(status) ? lifecycle.path("suspended_from").asText("")
                : "TERMINATED".equals(status) ? lifecycle.path("terminated_on").asText("") : "";
        try {
            return !takesEffect.isEmpty() && day.isBefore(LocalDate.parse(takesEffect)) ? "IN_FORCE" : status;
        } catch (DateTimeParseException e) {
            return status; // an unreadable date is refused by the validator; the stated status applies, as in the rules
        }
    }

    static String lifecycle(JsonNode terms) {
        return lifecycle(terms, LocalDate.now(ZoneOffset.UTC));
    }

    /** The schema version of the terms: 2 when they say so, else 1. */
    public static int schemaVersion(JsonNode terms) {
        return terms.path("schema_version").asInt(1) == 2 ? 2 : 1;
    }

    /** Article topic → [number, title], in the order the terms list them. */
    static Map<String, String[]> articles(JsonNode terms) {
        Map<String, String[]> found = new LinkedHashMap<>();
        terms.path("articles").fields().forEachRemaining(e -> found.put(e.getKey(),
                new String[] {e.getValue().path("number").asText("-"), e.getValue().path("title").asText("")}));
        return found;
    }

    /** The agreement's {@code data.json}: {@code {"terms": …}}, pretty-printed, ending in a newline. */
    static String dataJson(String termsJson) {
        try {
            ObjectNode data = JSON.createObjectNode();
            data.set("terms", parse(termsJson));
            return JSON.writeValueAsString(data) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("terms are not JSON", e);
        }
    }

    /** The {@code terms} object of a {@code data.json}, pretty-printed. */
    static String termsOf(String dataJson) {
        try {
            return JSON.writeValueAsString(parse(dataJson).path("terms")) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("data.json is not JSON", e);
        }
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
