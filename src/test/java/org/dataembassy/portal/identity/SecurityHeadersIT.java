package org.dataembassy.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.dataembassy.portal.support.FormLogin;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every route answers with the security headers, signed in or not, whatever its status: Content-Security-Policy
 * (Camunda's web apps send their own), Referrer-Policy, Permissions-Policy, nosniff and frame denial; HSTS only
 * on requests that came over TLS.
 */
@PortalIntegrationTest
@AutoConfigureMockMvc
class SecurityHeadersIT {

    private static final List<String> EXTRA = List.of("/login", "/actuator/health", "/api/decisions/onboarding",
            "/VAADIN/no-such-file.js", "/api/no-such-endpoint");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    @Test
    void everyRouteSendsTheSecurityHeaders() throws Exception {
        String base = "http://localhost:" + port;
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        FormLogin.post(admin, base, "ada", "embassy-demo");
        List<String> routes = new ArrayList<>(HttpSecurityIT.ROUTES);
        routes.addAll(EXTRA);
        Map<String, Map<String, String>> seen = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String route : routes) {
            for (var client : Map.of("anonymous", anonymous, "ada", admin).entrySet()) {
                HttpResponse<Void> response = client.getValue().send(HttpRequest.newBuilder(URI.create(base + route))
                        .build(), HttpResponse.BodyHandlers.discarding());
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("status", String.valueOf(response.statusCode()));
                for (String name : List.of("Content-Security-Policy", "Referrer-Policy", "Permissions-Policy",
                        "X-Content-Type-Options", "X-Frame-Options", "Strict-Transport-Security")) {
                    response.headers().firstValue(name).ifPresent(v -> headers.put(name, v));
                }
                seen.put(client.getKey() + " " + route, headers);
                boolean camunda = route.startsWith("/camunda/");
                if (!camunda && !SecurityHeaders.CONTENT_SECURITY_POLICY.equals(headers.get("Content-Security-Policy"))) {
                    missing.add(client.getKey() + " " + route + ": Content-Security-Policy");
                }
                if (!"same-origin".equals(headers.get("Referrer-Policy"))) {
                    missing.add(client.getKey() + " " + route + ": Referrer-Policy");
                }
                if (!SecurityHeaders.PERMISSIONS_POLICY.equals(headers.get("Permissions-Policy"))) {
                    missing.add(client.getKey() + " " + route + ": Permissions-Policy");
                }
                if (!"nosniff".equals(headers.get("X-Content-Type-Options"))) {
                    missing.add(client.getKey() + " " + route + ": X-Content-Type-Options");
                }
                if (headers.containsKey("Strict-Transport-Security")) {
                    missing.add(client.getKey() + " " + route + ": HSTS over plain HTTP");
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/security-headers.json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(seen));
        assertThat(missing).isEmpty();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void overTlsTheBrowserIsToldToStayOnTls() throws Exception {
        String hsts = mvc.perform(get("/login").secure(true)).andReturn().getResponse()
                .getHeader("Strict-Transport-Security");
        assertThat(hsts).isEqualTo("max-age=31536000 ; includeSubDomains");
    }
}
