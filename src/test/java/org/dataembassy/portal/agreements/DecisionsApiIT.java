package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The decision API over real HTTP, signed in through the real login, answered by the real OPA. */
@PortalIntegrationTest
class DecisionsApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final class Session {
        final ApiSession api;
        final HttpClient http;

        Session(String username) throws Exception {
            api = new ApiSession(port, username);
            http = api.http;
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return api.post(path, body);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aLegalOfficerGetsAllowDenyAndReviewWithArticles() throws Exception {
        Session lola = new Session("lola");
        HttpResponse<String> allow = lola.post("/api/decisions/onboarding", """
                {"input": {"agreement": "ee_lu", "dataset": {"classification": "INTERNAL", "personal_data": false, "register": ""}}}""");
        assertThat(allow.statusCode()).isEqualTo(200);
        assertThat(body(allow).get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(body(allow).get("entryPoint").asText()).isEqualTo("onboarding");
        assertThat(body(allow).get("decisionId").asText()).isNotBlank();

        HttpResponse<String> deny = lola.post("/api/decisions/onboarding", """
                {"input": {"agreement": "ee_lu", "dataset": {"classification": "TOP_SECRET", "personal_data": false, "register": ""}}}""");
        JsonNode denied = body(deny);
        assertThat(denied.get("outcome").asText()).isEqualTo("DENY");
        assertThat(denied.get("reasons").get(0).get("code").asText()).isEqualTo("CLASSIFICATION_NOT_PERMITTED");
        assertThat(denied.get("reasons").get(0).get("article").asText()).isEqualTo("Art. 3");
        assertThat(denied.get("reasons").get(0).get("agreement").asText()).isEqualTo("ee-lu");

        HttpResponse<String> review = lola.post("/api/decisions/jurisdiction", """
                {"input": {"agreement": "ee_lu", "request": {"kind": "entry", "requesting_state": "LU", "emergency": "fire",
                 "consent_by": "originating_state_authorised_representative", "notified_within_hours": 5}}}""");
        assertThat(body(review).get("outcome").asText()).isEqualTo("REVIEW_REQUIRED");
        assertThat(body(review).get("reasons").get(0).get("code").asText()).isEqualTo("NOTIFICATION_DUTY");
    }

    @Test
    void badRequestsAreProblemsWithAnErrorsMap() throws Exception {
        Session lola = new Session("lola");
        HttpResponse<String> malformed = lola.post("/api/decisions/onboarding", "{\"input\": {");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(malformed).get("status").asInt()).isEqualTo(400);
        assertThat(body(malformed).get("errors").has("body")).isTrue();

        HttpResponse<String> missing = lola.post("/api/decisions/onboarding", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(missing).get("errors").get("input").asText()).startsWith("required");

        // found by the soak: a 500 (the record's subject "api:<agreement>" overflowed), nothing recorded
        HttpResponse<String> oversized = lola.post("/api/decisions/onboarding", "{\"input\": {\"agreement\": \""
                + "x".repeat(500) + "\", \"dataset\": {\"classification\": \"INTERNAL\"}}}");
        assertThat(oversized.statusCode()).as(oversized.body()).isEqualTo(400);
        assertThat(body(oversized).get("errors").get("input.agreement").asText()).startsWith("at most 40 characters");
        HttpResponse<String> unknownKey = lola.post("/api/decisions/onboarding",
                "{\"input\": {\"agreement\": \"zz_zz\", \"dataset\": {\"classification\": \"INTERNAL\"}}}");
        assertThat(body(unknownKey).get("reasons").get(0).get("code").asText()).isEqualTo("AGREEMENT_UNKNOWN");

        // issue 13: a field the rules do not read is refused by path, not silently ignored
        HttpResponse<String> misspelt = lola.post("/api/decisions/onboarding",
                "{\"input\": {\"agreement\": \"ee_lu\", \"dataset\": {\"clasification\": \"INTERNAL\"}}}");
        assertThat(misspelt.statusCode()).as(misspelt.body()).isEqualTo(400);
        assertThat(body(misspelt).get("errors").get("input.dataset.clasification").asText())
                .startsWith("unknown field (did you mean \"classification\"?)");
        HttpResponse<String> backup = lola.post("/api/decisions/transfer", "{\"input\": {\"agreement\": \"ee_lu\","
                + " \"transfer\": {\"purpose\": \"backup\"}}}");
        assertThat(body(backup).get("errors").get("input.transfer.purpose").asText())
                .startsWith("\"backup\" is not one of evacuation, migration, replication, restore");

        HttpResponse<String> unknown = lola.post("/api/decisions/mind-reading", "{\"input\": {}}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(unknown).get("detail").asText()).contains("mind-reading");
    }

    @Test
    void anonymousCallersAre401AndOtherRolesAre403() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> post = anonymous.send(HttpRequest.newBuilder(uri("/api/decisions/onboarding"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"input\": {}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        HttpResponse<String> list = anonymous.send(HttpRequest.newBuilder(uri("/api/agreements")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(401);

        Session dora = new Session("dora");
        HttpResponse<String> forbidden = dora.post("/api/decisions/onboarding", """
                {"input": {"agreement": "ee_lu", "dataset": {"classification": "INTERNAL"}}}""");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(forbidden).get("detail").asText()).contains("role");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        Session lola = new Session("lola");
        HttpResponse<String> response = lola.http.send(HttpRequest.newBuilder(uri("/api/decisions/onboarding"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"input\": {\"agreement\": \"ee_lu\", \"dataset\": {\"classification\": \"INTERNAL\"}}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).get("detail").asText()).contains("CSRF");
    }

    @Test
    void legalOfficersListTheAgreementsOfTheActiveBundle() throws Exception {
        Session lola = new Session("lola");
        HttpResponse<String> response = lola.http.send(HttpRequest.newBuilder(uri("/api/agreements")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"key\":\"ee_lu\"", "\"key\":\"mc_lu\"");
    }
}
