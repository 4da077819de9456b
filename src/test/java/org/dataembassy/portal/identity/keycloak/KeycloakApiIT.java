package org.dataembassy.portal.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.dataembassy.portal.support.KeycloakPortalTest;
import org.dataembassy.portal.support.KeycloakTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The REST API as an OAuth2 resource server for the real Keycloak: tokens from the password grant of a test
 * client (direct access grants are on for test clients only, never for the portal client).
 */
class KeycloakApiIT extends KeycloakPortalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIENT = "api-test-" + SUFFIX;
    private static final String DECISION = """
            {"input": {"agreement": "ee_lu", "dataset": {"classification": "INTERNAL", "personal_data": false, "register": ""}}}""";
    private static String secret;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void testClient() {
        secret = KEYCLOAK.createApiTestClient(KeycloakTestServer.REALM, CLIENT, 0);
    }

    @Test
    void theRightRoleIsServedAndNeedsNoCsrfToken() throws Exception {
        String token = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, "lola");

        HttpResponse<String> agreements = get("/api/agreements", token);
        assertThat(agreements.statusCode()).isEqualTo(200);
        assertThat(agreements.body()).contains("ee_lu");

        // A bearer token is no ambient credential: a POST without any CSRF token is served.
        HttpResponse<String> decision = post("/api/decisions/onboarding", token, DECISION);
        assertThat(decision.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(decision.body()).get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(decision.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
    }

    @Test
    void theWrongRoleIsForbiddenAsProblemJson() throws Exception {
        String token = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, "dora");

        HttpResponse<String> refused = post("/api/decisions/onboarding", token, DECISION);
        assertProblem(refused, 403, "Forbidden");
        assertThat(get("/api/agreements", token).statusCode()).isEqualTo(403);
    }

    @Test
    void noTokenIsUnauthorizedAsProblemJson() throws Exception {
        HttpResponse<String> refused = get("/api/agreements", null);
        assertProblem(refused, 401, "Not signed in");
        assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("Bearer");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String token = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, "dora");
        String[] parts = token.split("\\.");
        // Dora grants herself the legal-officer role in the payload; the signature no longer matches.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"realm_roles\":[", "\"realm_roles\":[\"legal-officer\",");
        assertThat(payload).contains("legal-officer");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        HttpResponse<String> refused = get("/api/agreements", tampered);
        assertProblem(refused, 401, "Not signed in");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                h -> assertThat(h).contains("invalid_token"));
        // An unsigned token ("alg": "none") with the same claims is refused too.
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + tampered.split("\\.")[1] + ".";
        assertProblem(get("/api/agreements", unsigned), 401, "Not signed in");
    }

    @Test
    void aTokenOfAnotherRealmIsRefused() throws Exception {
        String realm = "foreign-" + SUFFIX;
        KEYCLOAK.createRealm(realm, "lola");
        String foreignSecret = KEYCLOAK.createApiTestClient(realm, "api-test", 0);
        String token = KEYCLOAK.passwordGrant(realm, "api-test", foreignSecret, "lola");
        JsonNode claims = claims(token);
        // Everything but the issuer (and the signing key) would pass: same name, role and audience.
        assertThat(claims.get("preferred_username").asText()).isEqualTo("lola");
        assertThat(claims.get("realm_roles").toString()).contains("legal-officer");
        assertThat(claims.get("aud").toString()).contains("portal");

        assertProblem(get("/api/agreements", token), 401, "Not signed in");
    }

    @Test
    void anIdTokenIsNoAccessToken() throws Exception {
        String idToken = KEYCLOAK.tokens(KeycloakTestServer.REALM, CLIENT, secret, "lola").get("id_token").asText();
        assertThat(claims(idToken).get("typ").asText()).isEqualTo("ID");

        assertProblem(get("/api/agreements", idToken), 401, "Not signed in");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String shortLived = "api-test-short-" + SUFFIX;
        String shortSecret = KEYCLOAK.createApiTestClient(KeycloakTestServer.REALM, shortLived, 1);
        String token = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, shortLived, shortSecret, "lola");
        Instant expires = Instant.ofEpochSecond(claims(token).get("exp").asLong());
        assertThat(get("/api/agreements", token).statusCode()).as("valid while fresh, or expired already")
                .isIn(200, 401);
        // Past exp plus the 1 s clock skew configured for the tests.
        while (Instant.now().isBefore(expires.plusSeconds(2))) {
            Thread.sleep(250);
        }
        HttpResponse<String> refused = get("/api/agreements", token);
        assertProblem(refused, 401, "Not signed in");
    }

    @Test
    void aDisabledUserGetsNoTokenAndARemovedRoleCountsAtTheNextLogin() throws Exception {
        String username = "officer-" + SUFFIX;
        String id = KEYCLOAK.createUser(username, "legal-officers", "EE");
        String before = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, username);
        assertThat(get("/api/agreements", before).statusCode()).isEqualTo(200);

        KEYCLOAK.removeFromGroup(id, "legal-officers");
        String after = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, username);
        assertThat(get("/api/agreements", after).statusCode()).isEqualTo(403);

        KEYCLOAK.setEnabled(id, false);
        assertThat(KEYCLOAK.passwordGrantStatus(KeycloakTestServer.REALM, CLIENT, secret, username)).isEqualTo(400);
    }

    @Test
    void fourEyesHoldBetweenKeycloakIdentities() throws Exception {
        String lola = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, "lola");
        String leo = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, "leo");
        String suffix = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        HttpResponse<String> created = post("/api/agreements", lola, "{\"template\": \"ee_lu\", \"originatingState\": \"EE\", \"hostState\": \"DE\","
                + " \"title\": \"Keycloak test " + suffix + "\", \"treatyReference\": \"test\", \"suffix\": \"" + suffix + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String version = "/api/agreements/" + JSON.readTree(created.body()).get("agreementKey").asText() + "/versions/1";
        assertThat(post(version + "/submit", lola, "").statusCode()).isEqualTo(200);

        // The author, even with a second, freshly issued token, may not approve her own version.
        String lolaAgain = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, "lola");
        HttpResponse<String> own = post(version + "/approve", lolaAgain, "{\"comment\": \"mine\"}");
        assertProblem(own, 403, "Four-eyes rule");
        // A data owner may not approve at all; another legal officer may.
        String dora = KEYCLOAK.passwordGrant(KeycloakTestServer.REALM, CLIENT, secret, "dora");
        assertProblem(post(version + "/approve", dora, "{\"comment\": \"no\"}"), 403, "Forbidden");
        HttpResponse<String> approved = post(version + "/approve", leo, "{\"comment\": \"checked\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(JSON.readTree(approved.body()).get("reviewer").asText()).isEqualTo("leo");
        assertThat(JSON.readTree(approved.body()).get("author").asText()).isEqualTo("lola");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isEqualTo(title);
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal(path)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(portal(path))).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
