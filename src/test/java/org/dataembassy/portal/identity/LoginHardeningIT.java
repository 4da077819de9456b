package org.dataembassy.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.FormLogin;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The local login form over real HTTP: a post without the session's CSRF token, or from another origin, signs
 * nobody in (login CSRF); repeated wrong passwords pause the name so the right one no longer gets through, with the
 * same answer whether the account exists or not.
 */
@PortalIntegrationTest
class LoginHardeningIT {

    private static final String PASSWORD = "a-test-password-" + UUID.randomUUID();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    AuditTrail audit;

    private String base() {
        return "http://localhost:" + port;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private String account() {
        String name = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into portal_user (username, display_name, password_hash, roles, enabled, created_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(name, "Test account", encoder.encode(PASSWORD), "AUDITOR", true, Timestamp.from(Instant.now()))
                .update();
        return name;
    }

    private HttpResponse<Void> post(HttpClient http, String form, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private boolean signedIn(HttpClient http) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/api/csrf")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    @Test
    void aLoginPostWithoutTheSessionsTokenOrFromAnotherOriginSignsNobodyIn() throws Exception {
        String name = account();
        HttpClient noToken = client();
        noToken.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> forged = post(noToken, "username=" + name + "&password=" + PASSWORD, null);
        assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(signedIn(noToken)).isFalse();

        HttpClient wrongToken = client();
        FormLogin.Token token = FormLogin.token(wrongToken, base());
        post(wrongToken, "username=" + name + "&password=" + PASSWORD + "&" + token.parameter() + "=forged", null);
        assertThat(signedIn(wrongToken)).isFalse();

        HttpClient foreign = client();
        FormLogin.Token valid = FormLogin.token(foreign, base());
        HttpResponse<Void> crossSite = post(foreign, "username=" + name + "&password=" + PASSWORD + "&"
                + valid.parameter() + "=" + URLEncoder.encode(valid.value(), StandardCharsets.UTF_8), "http://evil.example");
        assertThat(crossSite.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
        assertThat(signedIn(foreign)).isFalse();

        HttpClient browser = client();
        assertThat(FormLogin.post(browser, base(), name, PASSWORD).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        assertThat(signedIn(browser)).isTrue();
    }

    @Test
    void thirtyWrongPasswordsPauseTheNameAndTheRightOneNoLongerGetsThrough() throws Exception {
        String name = account();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> known = attempts(name, 30);
        List<String> missing = attempts(unknown, 30);
        assertThat(known).as("answers for an existing account and an unknown name").isEqualTo(missing);
        assertThat(known.subList(0, 5)).allSatisfy(l -> assertThat(l).endsWith("/login?error"));
        assertThat(known.subList(5, 30)).allSatisfy(l -> assertThat(l).endsWith("/login?throttled"));

        HttpClient http = client();
        HttpResponse<Void> right = FormLogin.post(http, base(), name, PASSWORD);
        assertThat(right.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?throttled"));
        assertThat(signedIn(http)).isFalse();

        var trail = As.user("aude", "AUDITOR", () -> audit.forSubject("user:" + name));
        assertThat(trail).filteredOn(e -> e.action().equals("LOGIN") && e.outcome().equals("FAILURE")).hasSize(5);
        assertThat(trail).filteredOn(e -> e.action().equals("LOGIN_THROTTLED")).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("refused for 30 s"));
        assertThat(trail).allSatisfy(e -> assertThat(e.details()).doesNotContain(PASSWORD));
    }

    private List<String> attempts(String name, int count) throws Exception {
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<Void> response = FormLogin.post(client(), base(), name, "wrong-" + i);
            locations.add(response.headers().firstValue("Location").orElse("(none)"));
        }
        return locations;
    }
}
