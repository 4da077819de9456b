package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dataembassy.portal.support.ApiSession.assertProblem;
import static org.dataembassy.portal.support.ApiSession.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Issue 13's measure, end to end over real HTTP: a legal officer creates an agreement of schema_version 2 through the
 * REST API, writes its clauses as data only (each fictional agreement of policies-test/, its user-assigned codes
 * replaced by real ones), a second officer approves, it is published to the real OPA, and every row of its case table
 * is asked through {@code POST /api/decisions/{entryPoint}}: outcome, reason codes, articles and obligations must all
 * be what a careful lawyer expects.
 */
@PortalIntegrationTest
class TreatyModel2ApiIT {

    private static final Map<String, String> CODES = Map.of("XA", "FI", "XB", "DK", "XC", "IS", "XD", "NO", "XE", "SE",
            "XF", "LT");
    private static final Path AGREEMENT = Path.of("policies-test/dataembassy/agreements/xc_xd/data.json");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    JdbcClient jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    PasswordEncoder passwords;

    /**
     * Auditors of the test's own ask the rows: the what-if allowance is per person (bursts of 20), and the demo users'
     * buckets belong to the other tests of the shared portal.
     */
    private List<ApiSession> askers(int count) throws Exception {
        List<ApiSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = "asker" + UUID.randomUUID().toString().substring(0, 8);
            jdbc.sql("insert into portal_user (username, display_name, password_hash, roles, enabled, created_at)"
                            + " values (?, ?, ?, ?, ?, ?)")
                    .params(username, "Case-table asker", passwords.encode("embassy-demo"), "AUDITOR", true,
                            Timestamp.from(Instant.now()))
                    .update();
            sessions.add(new ApiSession(port, username));
        }
        return sessions;
    }

    /**
     * Rows that need a variant of the terms (a termination, a lifted suspension) are left to the Rego case tables,
     * which run every row; here each agreement is published once, as written.
     */
    @ParameterizedTest
    @CsvSource({"xa_xb, 49", "xc_xd, 58", "xe_xf, 48"})
    void anAgreementWrittenAsClausesOnlyIsDecidedAsItsCaseTableSays(String fictional, int expectedRows) throws Exception {
        ApiSession lola = new ApiSession(port, "lola");
        ApiSession leo = new ApiSession(port, "leo");
        Path agreement = Path.of("policies-test/dataembassy/agreements", fictional, "data.json");
        Path table = Path.of("policies-test/dataembassy/testdata/cases", fictional, "data.json");
        ObjectNode terms = (ObjectNode) real(ApiSession.JSON.readTree(Files.readString(agreement)).get("terms"));
        String originating = terms.at("/parties/originating_state").asText();
        String host = terms.at("/parties/host_state").asText();
        String suffix = "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        HttpResponse<String> created = lola.post("/api/agreements", "{\"originatingState\": \"" + originating
                + "\", \"hostState\": \"" + host + "\","
                + " \"title\": \"Fictional hosting agreement " + suffix + "\", \"treatyReference\": \"fictional\", \"suffix\": \""
                + suffix + "\", \"schemaVersion\": 2}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode draft = body(created);
        String key = draft.get("agreementKey").asText();
        JsonNode blank = ApiSession.JSON.readTree(draft.get("termsJson").asText());
        assertThat(blank.get("schema_version").asInt()).isEqualTo(2);
        assertThat(blank.get("clauses").size()).as("a new agreement copies no clause").isZero();
        assertThat(draft.get("regoSource").asText()).contains("import data.dataembassy.clauses");

        terms.put("id", key.replace('_', '-'));
        terms.put("title", "Fictional hosting agreement " + suffix);
        ObjectNode content = ApiSession.JSON.createObjectNode();
        content.put("termsJson", terms.toPrettyString());
        content.put("regoSource", draft.get("regoSource").asText());
        content.put("testsSource", draft.get("testsSource").asText());
        content.put("changeNote", "clauses of the treaty text");
        String base = "/api/agreements/" + key + "/versions/1";
        HttpResponse<String> saved = lola.put(base, content.toString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(body(saved).get("lifecycle").asText()).isIn("IN_FORCE", "SUSPENDED");

        assertThat(lola.post(base + "/submit", "").statusCode()).isEqualTo(200);
        assertThat(leo.post(base + "/approve", "{\"comment\": \"read against the treaty\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> published = leo.post(base + "/publish", "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);

        List<String> wrong = new ArrayList<>();
        int rows = 0;
        List<ApiSession> askers = askers(4);
        for (JsonNode row : ApiSession.JSON.readTree(Files.readString(table)).get("rows")) {
            if (row.has("variant")) {
                continue;
            }
            JsonNode expected = real(row);
            ObjectNode input = (ObjectNode) expected.get("input").deepCopy();
            input.put("agreement", key);
            JsonNode decision = ask(askers.get(rows++ % askers.size()), expected.get("entry_point").asText(), input);
            String mismatch = mismatch(expected, decision);
            if (mismatch != null) {
                wrong.add(mismatch);
            }
        }
        System.out.printf("TreatyModel2ApiIT: %d of %d rows of %s decided as the case table says through the REST API%n",
                rows - wrong.size(), rows, fictional);
        assertThat(rows).isEqualTo(expectedRows);
        assertThat(wrong).isEmpty();
    }

    @Test
    void clausesThatCannotBeReadAsWrittenAreRefusedAtTheirPath() throws Exception {
        ApiSession lola = new ApiSession(port, "lola");
        String suffix = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        JsonNode draft = body(lola.post("/api/agreements", "{\"originatingState\": \"IS\", \"hostState\": \"NO\","
                + " \"title\": \"Refusals " + suffix + "\", \"treatyReference\": \"fictional\", \"suffix\": \"" + suffix
                + "\", \"schemaVersion\": 2}"));
        String key = draft.get("agreementKey").asText();
        ObjectNode terms = (ObjectNode) real(ApiSession.JSON.readTree(Files.readString(AGREEMENT)).get("terms"));
        terms.put("id", key.replace('_', '-'));
        ((ObjectNode) terms.at("/clauses/activation")).remove("grounds");
        ((ArrayNode) terms.at("/lifecycle/history")).addObject().put("status", "SIGNED").put("from", "2023-01-01");
        ObjectNode content = ApiSession.JSON.createObjectNode();
        content.put("termsJson", terms.toPrettyString());
        content.put("regoSource", draft.get("regoSource").asText());
        content.put("testsSource", draft.get("testsSource").asText());
        content.put("changeNote", "mistakes");
        HttpResponse<String> refused = lola.put("/api/agreements/" + key + "/versions/1", content.toString());
        assertProblem(refused, 400);
        JsonNode errors = body(refused).get("errors");
        assertThat(errors.has("terms.clauses.activation.grounds")).as(errors.toString()).isTrue();
        assertThat(errors.get("terms.lifecycle.history[2].from").asText()).contains("lies before history[1].from");
        assertThat(body(lola.get("/api/agreements/" + key + "/versions/1")).get("changeNote").asText())
                .isEqualTo("first draft");
        assertProblem(lola.post("/api/agreements", "{\"originatingState\": \"IS\", \"hostState\": \"NO\", \"title\": \"t\","
                + " \"treatyReference\": \"r\", \"suffix\": \"x" + suffix.substring(1) + "\", \"schemaVersion\": 7}"), 400);
    }

    /** Asks one entry point; a 429 (the what-if rate) is waited out as its Retry-After says, a bounded number of times. */
    private static JsonNode ask(ApiSession session, String entryPoint, JsonNode input) throws Exception {
        ObjectNode request = ApiSession.JSON.createObjectNode();
        request.set("input", input);
        for (int attempt = 0; attempt < 10; attempt++) {
            HttpResponse<String> response = session.post("/api/decisions/" + entryPoint, request.toString());
            if (response.statusCode() != 429) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return body(response);
            }
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.min(wait, 5) * 1000);
        }
        throw new AssertionError("the what-if rate refused " + entryPoint + " ten times");
    }

    private static String mismatch(JsonNode row, JsonNode decision) {
        String outcome = switch (row.get("outcome").asText()) {
            case "allow" -> "ALLOW";
            case "review" -> "REVIEW_REQUIRED";
            default -> "DENY";
        };
        List<String> codes = new ArrayList<>();
        List<String> articles = new ArrayList<>();
        decision.get("reasons").forEach(r -> {
            codes.add(r.get("code").asText());
            articles.add(r.get("article").asText());
        });
        boolean obligations = obligationsMatch(row.get("obligations"), decision.path("obligations"));
        if (outcome.equals(decision.get("outcome").asText()) && codes.equals(texts(row.get("codes")))
                && articles.equals(texts(row.get("articles"))) && obligations) {
            return null;
        }
        return row.get("id").asText() + " (" + row.get("name").asText() + "): expected " + outcome + " " + row.get("codes")
                + " " + row.get("articles") + " " + row.get("obligations") + ", got " + decision;
    }

    private static boolean obligationsMatch(JsonNode expected, JsonNode got) {
        if (expected.size() != got.size()) {
            return false;
        }
        for (JsonNode e : expected) {
            boolean found = false;
            for (JsonNode o : got) {
                found |= o.path("code").asText().equals(e.get("code").asText())
                        && o.path("due").asText().equals(e.get("due").asText())
                        && o.path("owedBy").asText().equals(e.get("owed_by").asText())
                        && o.path("owedTo").asText().equals(e.get("owed_to").asText())
                        && (!e.has("article") || o.path("article").asText().equals(e.get("article").asText()))
                        && (!e.has("conditional") || o.path("conditional").asBoolean() == e.get("conditional").asBoolean())
                        && (!e.has("status") || o.path("status").asText().equals(e.get("status").asText()));
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A copy with the user-assigned codes (values and keys that are exactly XC, XD, XE) replaced by real ones. */
    private static JsonNode real(JsonNode node) {
        if (node.isTextual()) {
            return new TextNode(CODES.getOrDefault(node.asText(), node.asText()));
        }
        if (node.isArray()) {
            ArrayNode out = ApiSession.JSON.createArrayNode();
            node.forEach(n -> out.add(real(n)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = ApiSession.JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(CODES.getOrDefault(e.getKey(), e.getKey()), real(e.getValue()));
            }
            return out;
        }
        return node;
    }
}
