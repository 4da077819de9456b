package org.dataembassy.portal.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in through the local login form over real HTTP the way a browser does: loads the login page, reads the
 * session's CSRF token from its {@code _csrf} meta tag (which {@code vaadin-login-form} posts as a hidden field)
 * and posts the form with it.
 */
public final class FormLogin {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    private FormLogin() {
    }

    /** The token and its parameter name the login page carries for this client's session. */
    public record Token(String parameter, String value) {
    }

    public static Token token(HttpClient http, String base) throws Exception {
        return token(http, base, null);
    }

    /** The same, each request given up after {@code timeout} (none when null). */
    public static Token token(HttpClient http, String base, Duration timeout) throws Exception {
        HttpResponse<String> page = http.send(request(base + "/login", timeout).build(),
                HttpResponse.BodyHandlers.ofString());
        String parameter = null;
        String value = null;
        Matcher m = META.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals("_csrf")) {
                value = m.group(2);
            } else {
                parameter = m.group(2);
            }
        }
        if (parameter == null || value == null) {
            throw new IllegalStateException("the login page carries no CSRF meta tags");
        }
        return new Token(parameter, value);
    }

    /** Posts the login form with the session's token; returns the response (302 to / or to /login?error). */
    public static HttpResponse<Void> post(HttpClient http, String base, String username, String password)
            throws Exception {
        return post(http, base, username, password, null);
    }

    /** The same, each request given up after {@code timeout} (none when null): for long-running clients (soak). */
    public static HttpResponse<Void> post(HttpClient http, String base, String username, String password,
                                          Duration timeout) throws Exception {
        Token token = token(http, base, timeout);
        return http.send(request(base + "/login", timeout)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form("username", username) + "&"
                                + form("password", password) + "&" + form(token.parameter(), token.value()))).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static HttpRequest.Builder request(String url, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        return timeout == null ? request : request.timeout(timeout);
    }

    private static String form(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
