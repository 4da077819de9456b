package org.dataembassy.portal.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.dataembassy.portal.support.FormLogin;

/**
 * A demo user's session over real HTTP, as {@code ApiSession} makes it (login form, then the CSRF token from
 * {@code /api/csrf}) but with a timeout on every request and every outcome recorded instead of asserted: a soak
 * must count what goes wrong and go on.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String PASSWORD = "embassy-demo";

    /** A response that arrived (any status); absent when the request failed or timed out. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }
    }

    private final String base;
    private final String username;
    private final Recorder recorder;
    private HttpClient http;
    private String csrfHeader;
    private String csrfToken;

    ApiClient(String base, String username, Recorder recorder) {
        this.base = base;
        this.username = username;
        this.recorder = recorder;
    }

    String username() {
        return username;
    }

    /** Signs in (again) through the login form; false, recorded as a login failure, when that fails. */
    boolean login() {
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        long start = recorder.nowMillis();
        try {
            HttpResponse<Void> login = FormLogin.post(http, base, username, PASSWORD, TIMEOUT);
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error") || location.contains("unavailable")) {
                recorder.call("api:login", start, Recorder.Kind.LOGIN_FAILURE);
                recorder.failure(Recorder.Kind.LOGIN_FAILURE, "api login " + username,
                        "status " + login.statusCode() + ", Location " + location);
                return false;
            }
            HttpResponse<String> csrf = http.send(request("/api/csrf").build(), HttpResponse.BodyHandlers.ofString());
            JsonNode token = JSON.readTree(csrf.body());
            csrfHeader = token.get("headerName").asText();
            csrfToken = token.get("token").asText();
            recorder.call("api:login", start, Recorder.Kind.OK);
            return true;
        } catch (HttpTimeoutException e) {
            recorder.call("api:login", start, Recorder.Kind.TIMEOUT);
            recorder.failure(Recorder.Kind.TIMEOUT, "api login " + username, e.toString());
        } catch (Exception e) {
            recorder.call("api:login", start, Recorder.Kind.LOGIN_FAILURE);
            recorder.failure(Recorder.Kind.LOGIN_FAILURE, "api login " + username, e.toString());
        }
        return false;
    }

    Optional<Reply> get(String name, String path, Set<Integer> expected) {
        return send(name, "GET", path, null, null, expected);
    }

    Optional<Reply> post(String name, String path, String json, Set<Integer> expected) {
        return send(name, "POST", path, json, "application/json", expected);
    }

    Optional<Reply> put(String name, String path, String json, Set<Integer> expected) {
        return send(name, "PUT", path, json, "application/json", expected);
    }

    /**
     * Sends one request with the session's CSRF token and records it under {@code name}: a 5xx, a timeout, a
     * broken connection or a status outside {@code expected} is an error of that kind.
     */
    Optional<Reply> send(String name, String method, String path, String body, String contentType, Set<Integer> expected) {
        if (http == null && !login()) {
            return Optional.empty();
        }
        HttpRequest.Builder request = request(path).header(csrfHeader, csrfToken)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        long start = recorder.nowMillis();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Reply reply = new Reply(response.statusCode(), response.body());
            Recorder.Kind kind = classify(reply, expected);
            recorder.call(name, start, kind);
            if (kind != Recorder.Kind.OK) {
                recorder.failure(kind, name + " " + method + " " + path, "status " + reply.status() + " (expected "
                        + expected + "): " + snippet(reply.body()));
                if (reply.status() == 401) {
                    http = null; // the session is gone: sign in again on the next call
                }
            }
            return Optional.of(reply);
        } catch (HttpTimeoutException e) {
            recorder.call(name, start, Recorder.Kind.TIMEOUT);
            recorder.failure(Recorder.Kind.TIMEOUT, name + " " + method + " " + path, "no answer within " + TIMEOUT);
        } catch (IOException e) {
            recorder.call(name, start, Recorder.Kind.IO_ERROR);
            recorder.failure(Recorder.Kind.IO_ERROR, name + " " + method + " " + path, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private static Recorder.Kind classify(Reply reply, Set<Integer> expected) {
        if (reply.status() >= 500) {
            return Recorder.Kind.SERVER_ERROR;
        }
        return expected.contains(reply.status()) ? Recorder.Kind.OK : Recorder.Kind.UNEXPECTED_STATUS;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
    }

    static String snippet(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
