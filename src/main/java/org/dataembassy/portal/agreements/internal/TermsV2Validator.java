package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks terms of schema_version 2 (docs/policy-authoring.md, "Terms of schema_version 2"): identity and parties,
 * the article every clause names, the dated lifecycle history and its transitions, validity, sites, and each clause
 * ({@link ClauseChecks}). Unknown fields are refused, with the nearest known name: a misspelt clause would otherwise
 * be silently ignored by the rules. Each problem is keyed by its JSON path ({@code terms.lifecycle.history[2].from}).
 */
final class TermsV2Validator {

    static final Set<String> TOP_LEVEL = Set.of("schema_version", "id", "title", "treaty_reference", "fictional",
            "articles_illustrative", "illustrative_note", "parties", "articles", "lifecycle", "validity", "sites",
            "clauses", "measures");
    static final List<String> STATUSES = List.of("DRAFT", "SIGNED", "IN_FORCE", "SUSPENDED", "TERMINATED");
    private static final Map<String, Set<String>> NEXT = Map.of(
            "DRAFT", Set.of("SIGNED"),
            "SIGNED", Set.of("IN_FORCE"),
            "IN_FORCE", Set.of("SUSPENDED", "TERMINATED"),
            "SUSPENDED", Set.of("IN_FORCE", "SUSPENDED", "TERMINATED"),
            "TERMINATED", Set.of());

    private TermsV2Validator() {
    }

    static void validate(String key, JsonNode terms, Map<String, String> errors) {
        ClauseChecks.known(terms, "terms", TOP_LEVEL, errors);
        TermsIdentity.Parties parties = TermsIdentity.check(key, terms, terms.path("fictional").asBoolean(false), errors);
        String originating = parties.originating();
        String host = parties.host();
        articles(terms, errors);
        lifecycle(terms, errors);
        validity(terms, errors);
        sites(terms, originating, host, errors);
        ClauseChecks.clauses(terms, errors);
        ClauseChecks.measures(terms, errors);
    }

    /** Every article has a number; every "article" field anywhere names one of them. */
    private static void articles(JsonNode terms, Map<String, String> errors) {
        JsonNode articles = terms.path("articles");
        if (!articles.isObject()) {
            errors.put("terms.articles", "required: an object of article keys, e.g. {\"a5\": {\"number\": \"Art. 5\"}}");
            return;
        }
        articles.fields().forEachRemaining(e -> {
            if (e.getValue().path("number").asText("").isBlank()) {
                errors.put("terms.articles." + e.getKey() + ".number", "required: the article's number as the treaty writes it");
            }
        });
        referencedArticles(terms, "terms", articles, errors);
    }

    private static void referencedArticles(JsonNode node, String path, JsonNode articles, Map<String, String> errors) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String at = path + "." + e.getKey();
                if (e.getKey().equals("article") && !path.equals("terms.articles")) {
                    if (!e.getValue().isTextual() || !articles.has(e.getValue().asText())) {
                        errors.put(at, "names article " + e.getValue() + ", which is not in terms.articles"
                                + ClauseChecks.nearest(e.getValue().asText(), names(articles)));
                    }
                } else if (!path.equals("terms") || !e.getKey().equals("articles")) {
                    referencedArticles(e.getValue(), at, articles, errors);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                referencedArticles(node.get(i), path + "[" + i + "]", articles, errors);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The history is dated, in order, and moves only along DRAFT → SIGNED → IN_FORCE ⇄ SUSPENDED → TERMINATED. */
    private static void lifecycle(JsonNode terms, Map<String, String> errors) {
        JsonNode lifecycle = terms.path("lifecycle");
        ClauseChecks.known(lifecycle, "terms.lifecycle", Set.of("article", "history"), errors);
        JsonNode history = lifecycle.path("history");
        if (!history.isArray()) {
            errors.put("terms.lifecycle.history", "required: a list of {status, from} entries, oldest first ([] for a draft)");
            return;
        }
        JsonNode suspension = terms.path("clauses").path("suspension");
        LocalDate previous = null;
        String previousStatus = null;
        for (int i = 0; i < history.size(); i++) {
            JsonNode e = history.get(i);
            String at = "terms.lifecycle.history[" + i + "]";
            ClauseChecks.known(e, at, Set.of("status", "from", "scope", "ground", "invoked_by", "notice_given", "clause",
                    "reference"), errors);
            String status = e.path("status").asText("");
            if (!STATUSES.contains(status)) {
                errors.put(at + ".status", "must be one of " + String.join(", ", STATUSES));
                continue;
            }
            LocalDate from = date(e.path("from"), at + ".from", true, errors);
            if (from != null && previous != null && from.isBefore(previous)) {
                errors.put(at + ".from", from + " lies before history[" + (i - 1) + "].from (" + previous + ")");
            }
            if (previousStatus != null && !NEXT.get(previousStatus).contains(status)) {
                errors.put(at + ".status", previousStatus + " cannot be followed by " + status + "; after "
                        + previousStatus + " comes " + (NEXT.get(previousStatus).isEmpty() ? "nothing"
                        : String.join(" or ", NEXT.get(previousStatus).stream().sorted().toList())));
            }
            if (previousStatus == null && !Set.of("DRAFT", "SIGNED", "IN_FORCE").contains(status)) {
                errors.put(at + ".status", "the history starts with DRAFT, SIGNED or IN_FORCE");
            }
            if (e.has("scope")) {
                ClauseChecks.operations(e.path("scope"), at + ".scope", errors);
                JsonNode allowed = suspension.path("scopes_allowed");
                if (allowed.isArray()) {
                    e.path("scope").forEach(s -> {
                        if (!ClauseChecks.contains(allowed, s.asText())) {
                            errors.putIfAbsent(at + ".scope", "\"" + s.asText() + "\" is not a scope the suspension clause allows ("
                                    + ClauseChecks.join(allowed) + ")");
                        }
                    });
                }
            }
            if (e.has("ground") && suspension.path("grounds").isArray()) {
                boolean listed = false;
                for (JsonNode g : suspension.path("grounds")) {
                    listed |= g.path("id").asText().equals(e.path("ground").asText());
                }
                if (!listed) {
                    errors.put(at + ".ground", "\"" + e.path("ground").asText() + "\" is not a ground the suspension clause lists");
                }
            }
            date(e.path("notice_given"), at + ".notice_given", false, errors);
            previous = from == null ? previous : from;
            previousStatus = status;
        }
    }

    private static void validity(JsonNode terms, Map<String, String> errors) {
        JsonNode validity = terms.path("validity");
        ClauseChecks.known(validity, "terms.validity", Set.of("from", "until", "article"), errors);
        boolean inForce = false;
        for (JsonNode e : terms.path("lifecycle").path("history")) {
            inForce |= "IN_FORCE".equals(e.path("status").asText());
        }
        LocalDate from = date(validity.path("from"), "terms.validity.from", inForce, errors);
        LocalDate until = date(validity.path("until"), "terms.validity.until", false, errors);
        if (from != null && until != null && until.isBefore(from)) {
            errors.put("terms.validity.until", "until (" + until + ") lies before from (" + from + ")");
        }
    }

    private static void sites(JsonNode terms, String originating, String host, Map<String, String> errors) {
        JsonNode sites = terms.path("sites");
        if (sites.isMissingNode()) {
            return;
        }
        ClauseChecks.known(sites, "terms.sites", Set.of("article", "list"), errors);
        JsonNode list = sites.path("list");
        if (!list.isArray()) {
            errors.put("terms.sites.list", "a list of {id, state, role}");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String at = "terms.sites.list[" + i + "]";
            ClauseChecks.known(s, at, Set.of("id", "state", "role", "name"), errors);
            String id = s.path("id").asText("");
            if (id.isBlank()) {
                errors.put(at + ".id", "required");
            } else if (!ids.add(id)) {
                errors.put(at + ".id", "\"" + id + "\" is listed twice");
            }
            String role = s.path("role").asText("");
            String state = s.path("state").asText("");
            if (!role.equals("origin") && !role.equals("embassy")) {
                errors.put(at + ".role", "must be origin (a site in the originating state) or embassy (in the host state)");
            } else if (role.equals("origin") && originating != null && !state.equals(originating)) {
                errors.put(at + ".state", "an origin site lies in the originating state (" + originating + ")");
            } else if (role.equals("embassy") && host != null && !state.equals(host)) {
                errors.put(at + ".state", "an embassy site lies in the host state (" + host + ")");
            }
        }
    }

    static LocalDate date(JsonNode value, String path, boolean required, Map<String, String> errors) {
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                errors.put(path, "required: a date (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            errors.put(path, "\"" + value.asText() + "\" is not a date (YYYY-MM-DD)");
            return null;
        }
    }
}
