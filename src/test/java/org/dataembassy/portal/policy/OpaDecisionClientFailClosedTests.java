package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataembassy.portal.policy.internal.DecisionRecordStore;
import org.dataembassy.portal.policy.internal.OpaDecisionClient;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PolicyDecisions against loopback servers that misbehave the way a broken OPA could: never answering,
 * answering nonsense, answering an error. Each must give a deny saying the engine is unavailable.
 * (The real OPA's behaviour, including being killed, is covered by PolicyEngineIT.)
 */
class OpaDecisionClientFailClosedTests {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<Object> published = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    @Test
    void anEngineThatNeverAnswersGivesDenyAfterTheTimeout() throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // accepts, never replies
        resources.add(silent);
        PolicyDecision decision = decisions("http://127.0.0.1:" + silent.getLocalPort(), Duration.ofMillis(300)).decide(query());
        assertThat(decision.outcome()).isEqualTo(PolicyDecision.Outcome.DENY);
        assertThat(decision.engineUnavailable()).isTrue();
        assertThat(decision.reasons().get(0).message()).startsWith("policy engine unavailable");
    }

    @Test
    void anUnreachableEngineGivesDeny() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(decisions("http://127.0.0.1:" + port, Duration.ofSeconds(1)).decide(query()).engineUnavailable()).isTrue();
    }

    @Test
    void aMalformedAnswerGivesDeny() throws Exception {
        String url = serve(200, "{\"result\": {\"allow\": \"true\"}}");
        assertThat(decisions(url, Duration.ofSeconds(1)).decide(query()).engineUnavailable()).isTrue();
    }

    @Test
    void anUndefinedDecisionGivesDeny() throws Exception {
        String url = serve(200, "{}");
        assertThat(decisions(url, Duration.ofSeconds(1)).decide(query()).engineUnavailable()).isTrue();
    }

    @Test
    void anErrorStatusGivesDeny() throws Exception {
        String url = serve(500, "{\"code\": \"internal_error\"}");
        assertThat(decisions(url, Duration.ofSeconds(1)).decide(query()).engineUnavailable()).isTrue();
    }

    @Test
    void aWellFormedAnswerIsPassedThroughAndAnnounced() throws Exception {
        String url = serve(200, "{\"result\": {\"allow\": true, \"review_required\": false, \"reasons\": []}}");
        PolicyDecision decision = decisions(url, Duration.ofSeconds(1)).decide(query());
        assertThat(decision.allowed()).isTrue();
        assertThat(published).singleElement().isInstanceOfSatisfying(PolicyDecisionMade.class,
                e -> assertThat(e.outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW));
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsAskedOnceMoreThenDenied() throws Exception {
        String ok = "{\"result\": {\"allow\": true, \"review_required\": false, \"reasons\": []}}";
        AtomicInteger connections = new AtomicInteger();
        String firstDrops = closeFirst(1, ok, connections);
        assertThat(decisions(firstDrops, Duration.ofSeconds(2)).decide(query()).allowed()).isTrue();
        assertThat(connections.get()).isEqualTo(2);

        AtomicInteger always = new AtomicInteger();
        String alwaysDrops = closeFirst(Integer.MAX_VALUE, ok, always);
        assertThat(decisions(alwaysDrops, Duration.ofSeconds(2)).decide(query()).engineUnavailable()).isTrue();
        assertThat(always.get()).as("one retry, not a loop").isEqualTo(2);
    }

    /** A raw HTTP server that closes its first {@code drops} connections after reading the request, then answers. */
    private String closeFirst(int drops, String body, AtomicInteger connections)
            throws Exception {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        resources.add(server);
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    int n = connections.incrementAndGet();
                    var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                            StandardCharsets.UTF_8));
                    int length = 0;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.skip(length);
                    if (n <= drops) {
                        continue; // closed without a byte of answer
                    }
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().write(bytes);
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    // server closed at the end of the test
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private PolicyDecisions decisions(String url, Duration timeout) {
        OpaEndpoint endpoint = new OpaEndpoint() {
            public String baseUrl() { return url; }
            public String mode() { return "external"; }
            public String version() { return "test"; }
            public int restarts() { return 0; }
        };
        ApplicationEventPublisher events = published::add;
        return new PolicyDecisions(new OpaDecisionClient(endpoint, timeout), records(), events, Clock.systemUTC());
    }

    private static DecisionRecordStore records() {
        String url = "jdbc:h2:mem:decisions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        return new DecisionRecordStore(JdbcClient.create(new DriverManagerDataSource(url, "sa", "")), new ObjectMapper());
    }

    private String serve(int status, String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        resources.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static PolicyQuery query() {
        return new PolicyQuery("dataembassy/onboarding", "test:1", Map.of("agreement", "ee_lu"));
    }
}
