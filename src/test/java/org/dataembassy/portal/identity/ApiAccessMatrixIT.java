package org.dataembassy.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API route × role matrix: every endpoint the portal maps (read from Spring MVC at run time, so a new endpoint
 * without an entry below fails the test) is called by every role, signed in through the real login form, and
 * anonymously. A role without the right must get 401/403 (and nothing happens); a role with it must get past
 * authorization (any other status: the requests name things that do not exist or are in the wrong state, so
 * nothing changes). Writes the counts to target/access-matrix-api.txt.
 */
@PortalIntegrationTest
class ApiAccessMatrixIT {

    static final Set<String> READERS = Set.of("LEGAL_OFFICER", "AUDITOR", "ADMIN");
    static final Set<String> LEGAL = Set.of("LEGAL_OFFICER");
    static final Set<String> NONE = Set.of();
    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("dora", "DATA_OWNER");
        USERS.put("lola", "LEGAL_OFFICER");
        USERS.put("sam", "SECURITY_OFFICER");
        USERS.put("cora", "EMERGENCY_COMMITTEE");
        USERS.put("aude", "AUDITOR");
        USERS.put("ada", "ADMIN");
    }

    /** "METHOD pattern" → the request tried (method, path, body) and the roles that may pass. */
    record Probe(String method, String path, String body, Set<String> allowed) {
    }

    static final Map<String, Probe> PROBES = new LinkedHashMap<>();

    static {
        String a = "/api/agreements";
        probe("GET " + a, "GET", a, null, READERS);
        probe("POST " + a, "POST", a, "{\"key\":\"\"}", LEGAL);
        probe("GET " + a + "/{key}/versions", "GET", a + "/ee_lu/versions", null, READERS);
        probe("POST " + a + "/{key}/versions", "POST", a + "/no_such/versions", "{\"basedOn\":1}", LEGAL);
        probe("GET " + a + "/{key}/versions/{version}", "GET", a + "/ee_lu/versions/1", null, READERS);
        probe("PUT " + a + "/{key}/versions/{version}", "PUT", a + "/ee_lu/versions/1", "{\"terms\":\"{}\",\"rego\":\"\",\"tests\":\"\"}", LEGAL);
        probe("POST " + a + "/{key}/check", "POST", a + "/no_such/check", "{\"terms\":\"{}\",\"rego\":\"\",\"tests\":\"\"}", LEGAL);
        probe("POST " + a + "/{key}/versions/{version}/tests", "POST", a + "/no_such/versions/1/tests", "", READERS);
        probe("POST " + a + "/{key}/versions/{version}/submit", "POST", a + "/ee_lu/versions/1/submit", "", LEGAL);
        probe("POST " + a + "/{key}/versions/{version}/approve", "POST", a + "/ee_lu/versions/1/approve", "{\"comment\":\"x\"}", LEGAL);
        probe("POST " + a + "/{key}/versions/{version}/reject", "POST", a + "/ee_lu/versions/1/reject", "{\"comment\":\"x\"}", LEGAL);
        probe("POST " + a + "/{key}/versions/{version}/publish", "POST", a + "/ee_lu/versions/1/publish", "", Set.of("LEGAL_OFFICER", "ADMIN"));
        probe("POST " + a + "/{key}/rollback", "POST", a + "/no_such/rollback", "{\"toVersion\":1,\"reason\":\"x\"}", LEGAL);
        probe("GET " + a + "/{key}/diff", "GET", a + "/ee_lu/diff?from=1&to=1", null, READERS);
        probe("GET " + a + "/{key}/versions/{version}/impact", "GET", a + "/no_such/versions/1/impact", null, Set.of("LEGAL_OFFICER", "ADMIN"));
        probe("POST /api/decisions/{entryPoint}", "POST", "/api/decisions/onboarding",
                "{\"input\":{\"agreement\":\"no_such\"}}", Set.of("LEGAL_OFFICER", "AUDITOR", "ADMIN"));
        probe("GET /api/csrf", "GET", "/api/csrf", null, Set.copyOf(USERS.values()));
        // Vaadin's endpoint for browser-callable services: the portal has none, signed-in users get 404
        probe("POST /connect/{endpoint}/{method}", "POST", "/connect/NoSuch/call", "{}", Set.copyOf(USERS.values()));
        Set<String> taskRoles = Set.of("LEGAL_OFFICER", "SECURITY_OFFICER", "EMERGENCY_COMMITTEE");
        probe("GET /api/tasks", "GET", "/api/tasks", null, taskRoles);
        probe("GET /api/tasks/{id}", "GET", "/api/tasks/no-such", null, taskRoles);
        probe("POST /api/tasks/{id}/claim", "POST", "/api/tasks/no-such/claim", "", taskRoles);
        probe("POST /api/tasks/{id}/unclaim", "POST", "/api/tasks/no-such/unclaim", "", taskRoles);
        probe("POST /api/tasks/{id}/complete", "POST", "/api/tasks/no-such/complete", "{\"approve\":true}", taskRoles);
        Set<String> transferReaders = Set.of("DATA_OWNER", "LEGAL_OFFICER", "SECURITY_OFFICER", "AUDITOR");
        probe("GET /api/transfers", "GET", "/api/transfers", null, transferReaders);
        probe("POST /api/transfers", "POST", "/api/transfers", "{\"datasetId\":\"no-such\",\"site\":\"embassy-lu\"}",
                Set.of("DATA_OWNER"));
        probe("GET /api/transfers/{id}", "GET", "/api/transfers/no-such", null, transferReaders);
        probe("GET /api/audit", "GET", "/api/audit?limit=1", null, Set.of("AUDITOR", "ADMIN"));
        probe("GET /api/audit/verification", "GET", "/api/audit/verification", null, Set.of("AUDITOR"));
        probe("GET /api/audit/export", "GET", "/api/audit/export?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", null,
                Set.of("AUDITOR", "ADMIN"));
        // the generated OpenAPI document and the Swagger UI: the API's roles
        probe("GET /v3/api-docs", "GET", "/v3/api-docs", null, READERS);
        probe("GET /v3/api-docs.yaml", "GET", "/v3/api-docs.yaml", null, READERS);
        probe("GET /v3/api-docs/swagger-config", "GET", "/v3/api-docs/swagger-config", null, READERS);
        probe("GET /swagger-ui.html", "GET", "/swagger-ui.html", null, READERS);
        // OPA's own endpoints take the bundle token, never a person's session
        probe("GET /opa/bundles/dataembassy.tar.gz", "GET", "/opa/bundles/dataembassy.tar.gz", null, NONE);
        probe("POST /opa/status", "POST", "/opa/status", "{}", NONE);
    }

    static void probe(String key, String method, String path, String body, Set<String> allowed) {
        PROBES.put(key, new Probe(method, path, body, allowed));
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointIsReachableExactlyByItsRoles() throws Exception {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    mapped.add(method.name() + " " + pattern);
                }
            }
        }
        mapped.removeIf(m -> m.contains(" /error"));
        assertThat(PROBES.keySet()).as("every mapped endpoint has a probe (add one for a new endpoint)")
                .containsExactlyInAnyOrderElementsOf(mapped);

        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int refused = 0;
        for (var user : USERS.entrySet()) {
            ApiSession session = new ApiSession(port, user.getKey());
            for (var entry : PROBES.entrySet()) {
                Probe p = entry.getValue();
                int status = send(session.http, session, p, true);
                tried++;
                boolean passed = status != 401 && status != 403;
                refused += passed ? 0 : 1;
                if (passed != p.allowed().contains(user.getValue())) {
                    wrong.add(user.getValue() + " " + entry.getKey() + " → " + status);
                }
            }
        }
        HttpClient anonymous = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (var entry : PROBES.entrySet()) {
            int status = send(anonymous, null, entry.getValue(), false);
            tried++;
            boolean passed = status != 401 && status != 403 && status != 302;
            refused += passed ? 0 : 1;
            if (passed) {
                wrong.add("anonymous " + entry.getKey() + " → " + status);
            }
        }
        String report = String.format("API route × role matrix: %d endpoints × (%d roles + anonymous) = %d requests;"
                + " %d refused as expected; reachable without the right role: %d%n%s", PROBES.size(), USERS.size(),
                tried, refused, wrong.size(), String.join("\n", wrong));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/access-matrix-api.txt"), report);
        System.out.println(report);
        assertThat(wrong).as(report).isEmpty();
    }

    private int send(HttpClient http, ApiSession session, Probe p, boolean withCsrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(session == null
                ? URI.create("http://localhost:" + port + p.path()) : session.uri(p.path()));
        if (p.body() == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(p.method(), HttpRequest.BodyPublishers.ofString(p.body()));
            if (withCsrf) {
                session.csrf(request);
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
