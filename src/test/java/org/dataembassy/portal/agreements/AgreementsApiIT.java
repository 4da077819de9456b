package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dataembassy.portal.support.ApiSession.assertProblem;
import static org.dataembassy.portal.support.ApiSession.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The registry's REST API over real HTTP: the review flow, and every refusal as problem+json. */
@PortalIntegrationTest
class AgreementsApiIT {

    @LocalServerPort
    int port;

    private static String newAgreement() {
        String suffix = "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return "{\"template\": \"ee_lu\", \"originatingState\": \"EE\", \"hostState\": \"DE\", \"title\": \"API test " + suffix
                + "\", \"treatyReference\": \"test\", \"suffix\": \"" + suffix + "\"}";
    }

    @Test
    void draftSubmitApproveAndPublishOverHttp() throws Exception {
        ApiSession lola = new ApiSession(port, "lola");
        ApiSession leo = new ApiSession(port, "leo");
        HttpResponse<String> created = lola.post("/api/agreements", newAgreement());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = body(created).get("agreementKey").asText();
        String base = "/api/agreements/" + key + "/versions/1";

        HttpResponse<String> tests = lola.post(base + "/tests", "");
        assertThat(tests.statusCode()).isEqualTo(200);
        assertThat(body(tests).at("/run/results").size()).isGreaterThanOrEqualTo(2);
        assertThat(body(tests).get("articles").findValuesAsText("number")).contains("Art. 5");

        assertThat(lola.post(base + "/submit", "").statusCode()).isEqualTo(200);
        HttpResponse<String> ownApproval = lola.post(base + "/approve", "{\"comment\": \"mine\"}");
        assertProblem(ownApproval, 403);
        assertThat(body(ownApproval).get("detail").asText()).contains("four eyes");

        assertThat(leo.post(base + "/approve", "{\"comment\": \"checked\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> published = leo.post(base + "/publish", "");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        assertThat(body(published).get("revision").asText()).contains("+r");

        JsonNode list = body(lola.get("/api/agreements"));
        assertThat(list.findValues("key").stream().map(JsonNode::asText)).contains(key, "ee_lu");
    }

    @Test
    void refusalsAreProblemsAndChangeNothing() throws Exception {
        ApiSession lola = new ApiSession(port, "lola");
        HttpResponse<String> created = lola.post("/api/agreements", newAgreement());
        JsonNode v1 = body(created);
        String key = v1.get("agreementKey").asText();

        ObjectNode broken = ApiSession.JSON.createObjectNode();
        broken.put("termsJson", v1.get("termsJson").asText());
        broken.put("regoSource", v1.get("regoSource").asText() + "\nbad if {\n");
        broken.put("testsSource", v1.get("testsSource").asText());
        broken.put("changeNote", "broken");
        HttpResponse<String> invalidRego = lola.put("/api/agreements/" + key + "/versions/1", broken.toString());
        assertProblem(invalidRego, 422);
        assertThat(body(invalidRego).get("problems").get(0).get("file").asText()).isEqualTo("rego");
        assertThat(body(invalidRego).get("problems").get(0).get("line").asInt()).isPositive();

        broken.put("regoSource", v1.get("regoSource").asText());
        broken.put("termsJson", v1.get("termsJson").asText().replace("\"originating_state\" : \"EE\"",
                "\"originating_state\" : \"QQ\""));
        HttpResponse<String> unknownCountry = lola.put("/api/agreements/" + key + "/versions/1", broken.toString());
        assertProblem(unknownCountry, 400);
        assertThat(body(unknownCountry).get("errors").get("terms.parties.originating_state").asText()).contains("QQ");

        assertThat(body(lola.get("/api/agreements/" + key + "/versions/1")).get("changeNote").asText())
                .isEqualTo("first draft");

        assertProblem(lola.get("/api/agreements/zz_zz/versions"), 404);
        assertProblem(lola.post("/api/agreements/" + key + "/versions/1/publish", ""), 409);
        assertProblem(lola.post("/api/agreements", "{\"originatingState\": \"EE\""), 400);

        ApiSession dora = new ApiSession(port, "dora");
        assertProblem(dora.get("/api/agreements/" + key + "/versions"), 403);
        assertProblem(dora.post("/api/agreements", newAgreement()), 403);
    }

    private static HttpResponse<String> putIfMatch(ApiSession session, String path, String ifMatch, String body)
            throws Exception {
        return session.http.send(session.csrf(HttpRequest.newBuilder(session.uri(path)))
                .header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSaveBasedOnAStaleReadIsRefusedWith412AndOverwritesNothing() throws Exception {
        ApiSession lola = new ApiSession(port, "lola");
        String key = body(lola.post("/api/agreements", newAgreement())).get("agreementKey").asText();
        String path = "/api/agreements/" + key + "/versions/1";
        HttpResponse<String> read = lola.get(path);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        ObjectNode content = ApiSession.JSON.createObjectNode();
        JsonNode v1 = body(read);
        content.put("termsJson", v1.get("termsJson").asText());
        content.put("regoSource", v1.get("regoSource").asText());
        content.put("testsSource", v1.get("testsSource").asText());

        content.put("changeNote", "saved in the first window");
        HttpResponse<String> first = putIfMatch(lola, path, etag, content.toString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String newTag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(etag);

        content.put("changeNote", "saved in the second window, on the old read");
        HttpResponse<String> stale = putIfMatch(lola, path, etag, content.toString());
        assertProblem(stale, 412);
        assertThat(body(stale).get("type").asText()).endsWith("/precondition-failed");
        assertThat(body(lola.get(path)).get("changeNote").asText()).isEqualTo("saved in the first window");

        assertThat(putIfMatch(lola, path, newTag, content.toString()).statusCode()).isEqualTo(200);
        assertThat(lola.get(path).headers().firstValue("ETag")).isPresent().isNotEqualTo(Optional.of(newTag));
    }

    @Test
    void aNewAgreementStartsBlankOrFromTheTemplateNamedNeverFromASilentCopy() throws Exception {
        ApiSession lola = new ApiSession(port, "lola");
        String suffix = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String request = "{\"originatingState\": \"EE\", \"hostState\": \"DE\", \"title\": \"Template test " + suffix
                + "\", \"treatyReference\": \"test\", \"suffix\": \"" + suffix + "\"";

        HttpResponse<String> missing = lola.post("/api/agreements", request + "}");
        assertProblem(missing, 400);
        assertThat(body(missing).at("/errors/template").asText()).startsWith("required for terms of schema_version 1");
        HttpResponse<String> unknown = lola.post("/api/agreements", request + ", \"template\": \"zz_yy\"}");
        assertProblem(unknown, 400);
        assertThat(body(unknown).at("/errors/template").asText()).contains("\"zz_yy\"", "published version");
        HttpResponse<String> otherSchema = lola.post("/api/agreements", request
                + ", \"template\": \"ee_lu\", \"schemaVersion\": 2}");
        assertProblem(otherSchema, 400);
        assertThat(body(otherSchema).at("/errors/template").asText()).contains("schema_version 1");
        assertProblem(lola.get("/api/agreements/ee_de_" + suffix + "/versions"), 404);

        HttpResponse<String> copied = lola.post("/api/agreements", request + ", \"template\": \"ee_lu\"}");
        assertThat(copied.statusCode()).as(copied.body()).isEqualTo(201);
        JsonNode terms = ApiSession.JSON.readTree(body(copied).get("termsJson").asText());
        JsonNode template = publishedTerms(lola, "ee_lu");
        assertThat(terms.get("data")).isEqualTo(template.get("data"));
        assertThat(terms.get("host_access")).isEqualTo(template.get("host_access"));
        assertThat(terms.at("/parties/host_state").asText()).isEqualTo("DE");
        assertThat(terms.get("illustrative_note").asText()).contains("copied from agreement ee_lu");

        HttpResponse<String> blank = lola.post("/api/agreements", request.replace(suffix + "\"", "b" + suffix.substring(1)
                + "\"") + ", \"schemaVersion\": 2}");
        assertThat(blank.statusCode()).as(blank.body()).isEqualTo(201);
        JsonNode blankTerms = ApiSession.JSON.readTree(body(blank).get("termsJson").asText());
        assertThat(blankTerms.get("clauses").size()).isZero();
        assertThat(blankTerms.get("articles").size()).isZero();
    }

    @Test
    void userAssignedPartiesAreAcceptedOnlyForAFictionalAgreement() throws Exception {
        ApiSession lola = new ApiSession(port, "lola");
        String suffix = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String request = "{\"originatingState\": \"XA\", \"hostState\": \"XB\", \"title\": \"Fictional " + suffix
                + "\", \"treatyReference\": \"test\", \"suffix\": \"" + suffix + "\", \"schemaVersion\": 2";

        HttpResponse<String> real = lola.post("/api/agreements", request + "}");
        assertProblem(real, 400);
        assertThat(body(real).at("/errors/originatingState").asText()).contains("XA");
        HttpResponse<String> seedShape = lola.post("/api/agreements", request.replace("\"schemaVersion\": 2",
                "\"template\": \"ee_lu\"") + ", \"fictional\": true}");
        assertProblem(seedShape, 400);
        assertThat(body(seedShape).at("/errors/fictional").asText()).contains("schema_version 2");

        HttpResponse<String> fictional = lola.post("/api/agreements", request + ", \"fictional\": true}");
        assertThat(fictional.statusCode()).as(fictional.body()).isEqualTo(201);
        JsonNode terms = ApiSession.JSON.readTree(body(fictional).get("termsJson").asText());
        assertThat(terms.get("fictional").asBoolean()).isTrue();
        assertThat(terms.at("/parties/originating_state").asText()).isEqualTo("XA");
    }

    private static JsonNode publishedTerms(ApiSession session, String key) throws Exception {
        for (JsonNode v : body(session.get("/api/agreements/" + key + "/versions"))) {
            if (v.get("status").asText().equals("PUBLISHED")) {
                return ApiSession.JSON.readTree(v.get("termsJson").asText());
            }
        }
        throw new AssertionError(key + " has no published version");
    }
}
