package org.dataembassy.portal.soak;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.support.FormLogin;

/**
 * After the workload: the pool gives its connections back, every demo user signs in, and the auditor verifies the
 * audit chain through the UI's "Verify the chain".
 */
final class FinalChecks {

    static final List<String> DEMO_USERS = List.of("dora", "lola", "leo", "sam", "aude", "ada", "cora", "cade", "cleo",
            "cyrus", "celia");

    /** What the checks found; {@code quiet} is the pool as it was once drained (or when the wait gave up). */
    record Result(boolean poolDrained, Sample quiet, Map<String, String> logins, String chain) {

        boolean loginsOk() {
            return logins.values().stream().allMatch("ok"::equals);
        }

        boolean chainIntact() {
            return chain != null && chain.startsWith("Intact");
        }
    }

    private FinalChecks() {
    }

    static Result run(SoakWorld world, ResourceSampler sampler) throws InterruptedException {
        Sample quiet = sampler.sample();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(quiet.hikariActive() <= 1 && quiet.hikariPending() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            quiet = sampler.sample();
        }
        boolean drained = quiet.hikariActive() <= 1 && quiet.hikariPending() == 0;
        Map<String, String> logins = new LinkedHashMap<>();
        for (String user : DEMO_USERS) {
            logins.put(user, login(world, user));
        }
        String chain;
        try (SoakBrowser browser = new SoakBrowser(world.baseUrl, world.recorder, world.screenshots, "final")) {
            browser.login("aude");
            browser.page("audit", "audit", "audit-entries");
            chain = OversightJourney.verifyChain(browser);
            browser.logout();
        } catch (StepFailure e) {
            world.recorder.failure(e.kind(), "final / verify the chain / " + e.step(), e.getMessage());
            chain = "not verified: " + e.getMessage();
        }
        return new Result(drained, quiet, logins, chain);
    }

    /** "ok" when the login form signs the user in and the home page answers 200 in that session; else why not. */
    private static String login(SoakWorld world, String user) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long start = world.recorder.nowMillis();
        try {
            HttpResponse<Void> login = FormLogin.post(http, world.baseUrl, user, ApiClient.PASSWORD, ApiClient.TIMEOUT);
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error") || location.contains("unavailable")) {
                throw new IllegalStateException("login answered " + login.statusCode() + " to " + location);
            }
            int home = http.send(HttpRequest.newBuilder(URI.create(world.baseUrl + "/")).timeout(ApiClient.TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (home != 200) {
                throw new IllegalStateException("the home page answered " + home);
            }
            world.recorder.call("final-login", start, Recorder.Kind.OK);
            return "ok";
        } catch (Exception e) {
            world.recorder.call("final-login", start, Recorder.Kind.LOGIN_FAILURE);
            world.recorder.failure(Recorder.Kind.LOGIN_FAILURE, "final login " + user, e.toString());
            return e.toString();
        }
    }
}
