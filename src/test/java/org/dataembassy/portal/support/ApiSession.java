package org.dataembassy.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A demo user signed in over real HTTP through the login form, with the session's CSRF token for writes. */
public final class ApiSession {

    public static final ObjectMapper JSON = new ObjectMapper();

    public final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final String csrfHeader;
    private final String csrfToken;

    public ApiSession(int port, String username) throws Exception {
        this.port = port;
        HttpResponse<Void> login = FormLogin.post(http, "http://localhost:" + port, username, "embassy-demo");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpResponse<String> csrf = get("/api/csrf");
        assertThat(csrf.statusCode()).isEqualTo(200);
        JsonNode token = JSON.readTree(csrf.body());
        csrfHeader = token.get("headerName").asText();
        csrfToken = token.get("token").asText();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Adds the session's CSRF header to a request being built. */
    public HttpRequest.Builder csrf(HttpRequest.Builder request) {
        return request.header(csrfHeader, csrfToken);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws Exception {
        return send("POST", path, body);
    }

    public HttpResponse<String> put(String path, String body) throws Exception {
        return send("PUT", path, body);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                        .header(csrfHeader, csrfToken).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    public static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
    }
}
