package org.dataembassy.portal.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dataembassy.portal.support.Browser;
import org.dataembassy.portal.support.KeycloakPortalTest;
import org.dataembassy.portal.support.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Measures the login round trip through the real Keycloak: portal → Keycloak login page → submit → back in the
 * portal, signed in. Not part of {@code make test} (no IT suffix); run by scripts/bench-keycloak.sh, which
 * reads the Markdown rows written to {@code bench.out} (default target/keycloak-login-bench.md).
 * <ul>
 *   <li>HTTP: a fresh cookie jar per login; the protocol round trip (five redirects, the login form, the
 *   portal's back-channel code exchange with Keycloak) without rendering.</li>
 *   <li>Chromium: a fresh headless browser per login (its start is not timed), from opening the portal to the
 *   signed-in user shown by the rendered Vaadin UI, with the password typed into Keycloak's page.</li>
 * </ul>
 */
class KeycloakLoginBench extends KeycloakPortalTest {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Test
    void loginRoundTrip() throws Exception {
        int httpLogins = Integer.getInteger("bench.logins", 20);
        int browserLogins = Integer.getInteger("bench.browser-logins", 10);
        int warmup = Integer.getInteger("bench.warmup", 3);

        for (int i = 0; i < warmup; i++) {
            httpLogin();
        }
        List<Double> http = new ArrayList<>();
        for (int i = 0; i < httpLogins; i++) {
            http.add(httpLogin());
        }
        browserLogin();
        List<Double> browser = new ArrayList<>();
        for (int i = 0; i < browserLogins; i++) {
            browser.add(browserLogin());
        }

        List<String> rows = List.of(
                "| login round trip through Keycloak | logins | p50 ms | p90 ms | max ms |",
                "|---|---|---|---|---|",
                row("HTTP client (protocol only)", http),
                row("headless Chromium (rendered, typed)", browser));
        Path out = Path.of(System.getProperty("bench.out", "target/keycloak-login-bench.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, rows);
        rows.forEach(System.out::println);
    }

    /** One login with plain HTTP; returns milliseconds from the first request to the signed-in start page. */
    private double httpLogin() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        long start = System.nanoTime();
        HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(URI.create(portal("/"))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        String form = "username=lola&password=" + URLEncoder.encode(KeycloakTestServer.DEMO_PASSWORD, StandardCharsets.UTF_8)
                + "&credentialId=";
        HttpResponse<String> portal = client.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.uri().toString()).startsWith(portal("/"));
        // Signed in: a protected page is served without a detour through Keycloak.
        HttpResponse<Void> account = client.send(HttpRequest.newBuilder(URI.create(portal("/account"))).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(account.uri().toString()).isEqualTo(portal("/account"));
        return ms;
    }

    private double browserLogin() {
        try (Browser browser = new Browser(portal(""))) {
            long start = System.nanoTime();
            browser.open("");
            browser.await(By.id("username")).sendKeys("lola");
            browser.driver().findElement(By.id("password")).sendKeys(KeycloakTestServer.DEMO_PASSWORD);
            browser.driver().findElement(By.id("kc-login")).click();
            browser.waitUntil(d -> !d.findElements(By.id("current-user")).isEmpty()
                    && d.findElement(By.id("current-user")).getText().contains("lola"));
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static String row(String what, List<Double> samples) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |", what, sorted.size(),
                percentile(sorted, 0.5), percentile(sorted, 0.9), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /**
     * Keycloak marks its cookies Secure; browsers send those to loopback over plain HTTP, the JDK's cookie
     * manager does not. This jar keeps name=value per host, as a browser would for these two loopback hosts.
     */
    private static final class LoopbackCookies extends CookieHandler {

        private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
            Map<String, String> cookies = byHost.getOrDefault(uri.getHost(), Map.of());
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(String.join("; ", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList())));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) {
            Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost(), h -> new ConcurrentHashMap<>());
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq <= 0) {
                            continue;
                        }
                        String key = pair.substring(0, eq).trim();
                        String lower = value.toLowerCase(Locale.ROOT);
                        if (lower.contains("max-age=0") || lower.contains("expires=thu, 01 jan 1970")) {
                            cookies.remove(key);
                        } else {
                            cookies.put(key, pair.substring(eq + 1).trim());
                        }
                    }
                }
            });
        }
    }
}
