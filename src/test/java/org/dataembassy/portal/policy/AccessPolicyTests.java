package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.internal.OpaDecisionClient;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.dataembassy.portal.support.As;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AccessPolicy alone, against loopback servers standing in for a broken OPA: anything but a proper answer refuses. */
class AccessPolicyTests {

    private final List<Object> published = new ArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableEngineRefusesAndRequireThrowsAndAudits() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        AccessPolicy access = policy("http://127.0.0.1:" + port);
        AccessDecision d = As.user("lola", "LEGAL_OFFICER", () -> access.decide("transfer.review", Map.of("requested_by", "dora")));
        assertThat(d.allowed()).isFalse();
        assertThat(d.refusedFor("ENGINE_UNAVAILABLE")).isTrue();
        assertThatThrownBy(() -> As.run("lola", "LEGAL_OFFICER",
                () -> access.require("transfer.review", "transfer:t1", Map.of("requested_by", "dora"))))
                .isInstanceOf(AccessRefusedException.class);
        assertThat(published).singleElement().isInstanceOfSatisfying(AccessRefused.class, e -> {
            assertThat(e.actor()).isEqualTo("lola");
            assertThat(e.codes()).containsExactly("ENGINE_UNAVAILABLE");
            assertThat(e.auditFact().subject()).isEqualTo("transfer:t1");
        });
    }

    @Test
    void answersOutsideTheContractRefuse() throws Exception {
        for (String body : List.of("{}", "{\"result\": {\"allow\": \"true\", \"reasons\": []}}",
                "{\"result\": {\"allow\": true, \"reasons\": [{\"code\": \"X\", \"message\": \"contradiction\"}]}}",
                "{\"result\": {\"allow\": false, \"reasons\": []}}",
                "{\"result\": {\"allow\": false, \"reasons\": [\"no object\"]}}")) {
            AccessPolicy access = policy(serve(body));
            AccessDecision d = As.user("lola", "LEGAL_OFFICER", () -> access.decide("transfer.review", Map.of()));
            assertThat(d.refusedFor("ENGINE_UNAVAILABLE")).as(body).isTrue();
            stop();
        }
    }

    @Test
    void aProperAnswerIsPassedThrough() throws Exception {
        AccessPolicy access = policy(serve("{\"result\": {\"allow\": false, \"reasons\": [{\"code\": \"FOUR_EYES\", \"message\": \"m\"}]}}"));
        AccessDecision d = As.user("lola", "LEGAL_OFFICER", () -> access.decide("transfer.review", Map.of()));
        assertThat(d.allowed()).isFalse();
        assertThat(d.reasons()).containsExactly(new AccessDecision.Refusal("FOUR_EYES", "m"));
    }

    private AccessPolicy policy(String url) {
        OpaEndpoint endpoint = new OpaEndpoint() {
            @Override
            public String baseUrl() {
                return url;
            }

            @Override
            public String mode() {
                return "external";
            }

            @Override
            public String version() {
                return "test";
            }

            @Override
            public int restarts() {
                return 0;
            }
        };
        return new AccessPolicy(new OpaDecisionClient(endpoint, Duration.ofSeconds(1)), new CurrentUser(), published::add);
    }

    private String serve(String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
