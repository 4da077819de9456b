package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.dataembassy.portal.policy.internal.OpaSupervisor;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PolicyDecisions against the real OPA the portal supervises, including OPA being killed. */
@PortalIntegrationTest
class PolicyEngineIT {

    @Autowired
    PolicyDecisions decisions;
    @Autowired
    PolicyEngine engine;
    @Autowired
    OpaEndpoint endpoint;
    @LocalServerPort
    int port;

    private PolicyDecision decide(Map<String, Object> dataset) {
        return As.user("system:test", "SYSTEM", () -> decisions.decide(new PolicyQuery("dataembassy/onboarding",
                "test:policy-engine", Map.of("agreement", "ee_lu", "dataset", dataset))));
    }

    @Test
    void allowsAPlainInternalDataset() {
        PolicyDecision decision = decide(Map.of("classification", "INTERNAL", "personal_data", false, "register", ""));
        assertThat(decision.outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW);
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void deniesTopSecretCitingTheArticle() {
        PolicyDecision decision = decide(Map.of("classification", "TOP_SECRET", "personal_data", false, "register", ""));
        assertThat(decision.outcome()).isEqualTo(PolicyDecision.Outcome.DENY);
        assertThat(decision.reasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("CLASSIFICATION_NOT_PERMITTED");
            assertThat(r.article()).isEqualTo("Art. 3");
            assertThat(r.agreement()).isEqualTo("ee-lu");
        });
    }

    @Test
    void asksForReviewOfPersonalData() {
        PolicyDecision decision = decide(Map.of("classification", "CONFIDENTIAL", "personal_data", true, "register", ""));
        assertThat(decision.outcome()).isEqualTo(PolicyDecision.Outcome.REVIEW_REQUIRED);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly("PERSONAL_DATA_REVIEW");
    }

    @Test
    void reportsVersionAndBundleRevision() {
        PolicyEngineStatus status = As.user("aude", "AUDITOR", () -> engine.status());
        assertThat(status.up()).isTrue();
        assertThat(status.mode()).isEqualTo("supervised");
        assertThat(status.version()).isEqualTo("1.22.3");
        // The shipped revision, plus "+r<n>" once the agreement registry has published (tests share one portal).
        assertThat(status.bundleRevision()).matches("foundation-1(\\+r\\d+)?");
    }

    @Test
    void theSupervisedOpaReportsTheRevisionItRuns() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                As.user("aude", "AUDITOR", () -> engine.instances())).anySatisfy(opa -> {
                    assertThat(opa.role()).isEqualTo("supervised");
                    assertThat(opa.version()).isEqualTo("1.22.3");
                    assertThat(opa.activeRevision()).isEqualTo(opa.servedRevision());
                    assertThat(opa.current()).isTrue();
                }));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/opa/status")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .ofString("{\"labels\": {\"id\": \"forged\", \"role\": \"supervised\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(As.user("aude", "AUDITOR", () -> engine.instances())).extracting(OpaInstance::id)
                .doesNotContain("forged");
    }

    @Test
    void listsTheAgreementsOfTheActiveBundle() {
        var agreements = As.user("dora", "DATA_OWNER", () -> engine.agreements());
        assertThat(agreements).extracting(AgreementSummary::key).contains("ee_lu", "mc_lu");
        assertThat(agreements).filteredOn(a -> a.key().equals("ee_lu")).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("ee-lu");
            assertThat(a.originatingState()).isEqualTo("EE");
            assertThat(a.hostState()).isEqualTo("LU");
        });
    }

    /** {@code opa.runtime().env} in a bundle would show nothing (and no signed bundle can call it). */
    @Test
    void theSupervisedOpaRunsWithAnEmptyEnvironment() {
        OpaSupervisor supervisor = (OpaSupervisor) endpoint;
        assertThat(System.getenv()).as("the portal's own environment is not empty").containsKey("PATH");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> { // another test may be restarting it
            Path environ = Path.of("/proc", String.valueOf(supervisor.pid()), "environ");
            assertThat(Files.readAllBytes(environ)).isEmpty();
            assertThat(Files.readString(Path.of("/proc", String.valueOf(supervisor.pid()), "cmdline")))
                    .contains("run").contains("--server");
        });
    }

    @Test
    void deniesWhileOpaIsDeadAndRecoversAfterTheSupervisorRestartsIt() throws Exception {
        OpaSupervisor supervisor = (OpaSupervisor) endpoint;
        int restartsBefore = supervisor.restarts();
        Map<String, Object> plain = Map.of("classification", "INTERNAL", "personal_data", false, "register", "");
        assertThat(decide(plain).allowed()).isTrue();

        long pid = supervisor.pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));

        // The supervisor waits 250 ms before restarting, so the next decision meets a dead port.
        PolicyDecision whileDown = decide(plain);
        assertThat(whileDown.outcome()).isEqualTo(PolicyDecision.Outcome.DENY);
        assertThat(whileDown.engineUnavailable()).isTrue();
        assertThat(whileDown.reasons().get(0).message()).startsWith("policy engine unavailable");

        // the counter moves once the restarted OPA has passed its health check
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> supervisor.restarts() > restartsBefore);
        assertThat(decide(plain).allowed()).isTrue();
        assertThat(supervisor.pid()).isNotEqualTo(pid);
    }
}
