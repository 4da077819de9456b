package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.dataembassy.portal.support.ApiSession.assertProblem;
import static org.dataembassy.portal.support.ApiSession.body;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.UUID;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The what-if limits over real HTTP and in the service the try-it panel calls: a burst then 429 with Retry-After
 * (one audit entry per refusal window, the panel refused too), refilled after the wait; decision inputs over the size,
 * nesting or item limits and bodies over the API's size limit refused before anything is asked or recorded.
 */
@PortalIntegrationTest
class WhatIfLimitsIT {

    private static final String DECISION = "{\"input\": {\"agreement\": \"ee_lu\", \"dataset\": {\"classification\":"
            + " \"INTERNAL\", \"personal_data\": false, \"register\": \"\"}}}";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    TreatyRules rules;

    /** An auditor of the test's own, so that exhausting the allowance leaves the demo users' buckets alone. */
    private String freshAuditor() {
        String username = "rate" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into portal_user (username, display_name, password_hash, roles, enabled, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(username, "Rate test", passwords.encode("embassy-demo"), "AUDITOR", true, Timestamp.from(Instant.now()))
                .update();
        return username;
    }

    @Test
    void aBurstIsAnsweredThenRefusedWithRetryAfterAndAuditedOncePerWindow() throws Exception {
        String username = freshAuditor();
        ApiSession session = new ApiSession(port, username);
        int allowed = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            HttpResponse<String> response = session.post("/api/decisions/onboarding", DECISION);
            if (response.statusCode() == 200) {
                allowed++;
            } else {
                refused = response;
            }
        }
        assertThat(allowed).as("the burst of 20 (plus what refilled meanwhile)").isBetween(20, 30);
        assertProblem(refused, 429);
        assertThat(body(refused).get("type").asText()).isEqualTo("https://dataembassy.org/problems/rate-limited");
        assertThat(body(refused).get("detail").asText()).contains("60 a minute (bursts of 20)");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        for (int i = 0; i < 3; i++) {
            assertThat(session.post("/api/decisions/onboarding", DECISION).statusCode()).isEqualTo(429);
        }
        WhatIfRateLimitedException panel = catchThrowableOfType(WhatIfRateLimitedException.class, () ->
                As.user(username, "AUDITOR", () -> rules.tryScenario(scenario("embassy-lu"))));
        assertThat(panel).as("the try-it panel shares the allowance").isNotNull();
        assertThat(audited(username, "WHAT_IF_RATE_LIMITED")).as("one entry for the whole refusal window").isEqualTo(1);
        assertThat(audited(username, "POLICY_DECISION")).as("refused requests decide nothing").isEqualTo(allowed);

        Thread.sleep(retryAfter * 1000 + 200);
        assertThat(session.post("/api/decisions/onboarding", DECISION).statusCode()).as("refilled").isEqualTo(200);
    }

    @Test
    void decisionInputsAndBodiesOverTheLimitsAreRefusedBeforeAnythingIsAsked() throws Exception {
        String username = freshAuditor();
        ApiSession session = new ApiSession(port, username);
        String note = "x".repeat(20_000);
        HttpResponse<String> big = session.post("/api/decisions/onboarding",
                "{\"input\": {\"agreement\": \"ee_lu\", \"note\": \"" + note + "\"}}");
        assertProblem(big, 400);
        assertThat(body(big).at("/errors/input").asText()).startsWith("at most 16,384 bytes of JSON; this one has 20,");
        HttpResponse<String> deep = session.post("/api/decisions/onboarding",
                "{\"input\": " + "{\"a\": ".repeat(10) + "1" + "}".repeat(10) + "}");
        assertProblem(deep, 400);
        assertThat(body(deep).get("errors").toString()).contains("at most 8 levels of nesting");
        String items = String.join(",", Collections.nCopies(5_000, "1"));
        HttpResponse<String> many = session.post("/api/decisions/onboarding", "{\"input\": {\"list\": [" + items + "]}}");
        assertProblem(many, 400);
        assertThat(body(many).at("/errors/input.list").asText()).isEqualTo("at most 100 items in an array; this one has 5,000");

        // 10 MB announced with Expect: 100-continue over a plain socket (the JDK 17 client waits forever for a 100 that
        // never comes): the 413 arrives before a byte of the body is sent, and before the sign-in is even looked at
        String answer = rawAnswer("POST /api/decisions/onboarding HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: 10485760\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json", "at most 262,144 bytes (256 KiB)")
                .doesNotContain("100 Continue");

        InvalidInputException longSite = catchThrowableOfType(InvalidInputException.class, () ->
                As.user(username, "AUDITOR", () -> rules.tryScenario(scenario("s".repeat(20_000)))));
        assertThat(longSite.fieldErrors()).containsEntry("toSite", "At most 100 characters");
        assertThat(audited(username, "POLICY_DECISION")).as("nothing was decided").isZero();
    }

    private String rawAnswer(String head) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Scenario scenario(String toSite) {
        return new Scenario("ee_lu", EntryPoint.TRANSFER, Classification.INTERNAL, false, "", "home-ee", toSite,
                "replication", "LU", null, null, null, false, null, null, null, null, null, null, false);
    }

    private long audited(String username, String action) {
        return jdbc.sql("select count(*) from audit_entry where actor = ? and action = ?").params(username, action)
                .query(Long.class).single();
    }
}
