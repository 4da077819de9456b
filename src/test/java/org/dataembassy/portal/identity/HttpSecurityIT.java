package org.dataembassy.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.dataembassy.portal.support.FormLogin;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** Route protection over real HTTP (anonymous) and through the real filter chain (per role). */
@PortalIntegrationTest
@AutoConfigureMockMvc
class HttpSecurityIT {

    static final List<String> ROUTES = List.of("/", "/agreements", "/agreements/try-it", "/datasets", "/datasets/onboard", "/transfers",
            "/jurisdiction", "/activation", "/tasks", "/audit", "/status", "/datasets/review/some-task",
            "/processes", "/processes/some-instance", "/activation/key-ceremony", "/account", "/jurisdiction/assess/some-task",
            "/transfers/review/some-task", "/datasets/keys/some-task", "/agreements/ee_lu", "/agreements/ee_lu/versions/1",
            "/camunda/app/cockpit/default/", "/actuator/info", "/no-such-page",
            "/opa/bundles/dataembassy.tar.gz", "/api/agreements", "/api/csrf");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyRouteSendsAnonymousVisitorsToTheLoginPage() throws Exception {
        for (String route : ROUTES) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + route))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(route).isIn(302, 401);
            if (response.statusCode() == 302) {
                assertThat(response.headers().firstValue("Location")).as(route).hasValueSatisfying(
                        location -> assertThat(location).endsWith("/login"));
            }
        }
    }

    @Test
    void theLoginPageAndTheHealthProbeArePublic() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("opa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATA_OWNER", "LEGAL_OFFICER", "SECURITY_OFFICER", "EMERGENCY_COMMITTEE", "AUDITOR"})
    void camundaWebAppsAreForAdminsOnly(String role) throws Exception {
        mvc.perform(get("/camunda/app/cockpit/default/").with(user("someone").roles(role)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdminReachesCockpitWithoutASecondLogin() throws Exception {
        HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<Void> login = FormLogin.post(session, base, "ada", "embassy-demo");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpResponse<String> cockpit = session.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cockpit.statusCode()).as("%s %s", login.headers().map(), cockpit.headers().map()).isEqualTo(200);
        assertThat(cockpit.body()).containsIgnoringCase("cockpit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATA_OWNER", "LEGAL_OFFICER", "SECURITY_OFFICER", "EMERGENCY_COMMITTEE"})
    void healthDetailsAreHiddenFromOtherRoles(String role) throws Exception {
        String body = mvc.perform(get("/actuator/health").with(user("someone").roles(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("bundleRevision");
    }

    @Test
    void auditorsSeeHealthDetailsOfOpaCamundaAndSites() throws Exception {
        String body = mvc.perform(get("/actuator/health").with(user("aude").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"opa\"", "bundleRevision", "foundation-1", "\"sites\"", "embassy-lu", "\"db\"");
    }
}
