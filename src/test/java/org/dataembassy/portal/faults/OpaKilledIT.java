package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.VersionStatus;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.dataembassy.portal.policy.internal.OpaProbe;
import org.dataembassy.portal.policy.internal.OpaSupervisor;
import org.dataembassy.portal.policy.internal.PolicyBundles;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The supervised OPA killed with SIGKILL while decisions are asked in a burst and while a version is published: no
 * decision is an allow while OPA is down, the supervisor brings it back with the bundle, and the bundle OPA runs is
 * always a complete published revision — the new one if the publication finished, the previous one otherwise.
 */
@PortalIntegrationTest
class OpaKilledIT {

    private static final Map<String, Object> PLAIN = Map.of("classification", "INTERNAL", "personal_data", false,
            "register", "");

    @Autowired
    PolicyDecisions decisions;
    @Autowired
    OpaEndpoint endpoint;
    @Autowired
    PolicyBundles bundles;
    @Autowired
    AgreementRegistry registry;

    private record Outcome(long startNanos, long endNanos, boolean allowed, boolean unavailable) {
    }

    private PolicyDecision decide() {
        return As.user("system:test", "SYSTEM", () -> decisions.decide(new PolicyQuery("dataembassy/onboarding",
                "test:opa-killed", Map.of("agreement", "ee_lu", "dataset", PLAIN))));
    }

    @Test
    void aBurstOfDecisionsGetsNoAllowWhileOpaIsDownAndAllowsAgainAfterTheRestart() throws Exception {
        OpaSupervisor supervisor = (OpaSupervisor) endpoint;
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService askers = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            askers.execute(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    PolicyDecision d = decide();
                    outcomes.add(new Outcome(start, System.nanoTime(), d.allowed(), d.engineUnavailable()));
                }
            });
        }
        List<long[]> downtimes = new ArrayList<>();
        try {
            Thread.sleep(1000);
            for (int kill = 0; kill < 2; kill++) {
                int restarts = supervisor.restarts();
                long pid = supervisor.pid();
                ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
                long down = System.nanoTime();
                // no OPA process exists until the supervisor has launched the next one
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                        .until(() -> supervisor.pid() != pid);
                downtimes.add(new long[] {down, System.nanoTime()});
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> supervisor.restarts() > restarts);
                Thread.sleep(1000);
            }
        } finally {
            running.set(false);
            askers.shutdown();
            assertThat(askers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        List<Outcome> all = List.copyOf(outcomes);
        long whileDown = all.stream().filter(o -> downtimes.stream().anyMatch(w -> o.startNanos() >= w[0]
                && o.endNanos() <= w[1])).count();
        long allowsWhileDown = all.stream().filter(Outcome::allowed).filter(o -> downtimes.stream()
                .anyMatch(w -> o.startNanos() >= w[0] && o.endNanos() <= w[1])).count();
        long unavailable = all.stream().filter(Outcome::unavailable).count();
        long allowedAfter = all.stream().filter(Outcome::allowed)
                .filter(o -> o.startNanos() > downtimes.get(1)[1]).count();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("decisions", all.size());
        figures.put("askedWhileDown", whileDown);
        figures.put("allowsWhileDown", allowsWhileDown);
        figures.put("engineUnavailable", unavailable);
        figures.put("allowsAfterLastRestart", allowedAfter);
        figures.put("downtimeMillis", downtimes.stream().map(w -> (w[1] - w[0]) / 1_000_000).toList());
        figures.put("otherDenies", all.stream().filter(o -> !o.allowed() && !o.unavailable()).count());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/opa-killed-burst.json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));

        assertThat(whileDown).as("decisions asked and answered while no OPA process existed").isPositive();
        assertThat(allowsWhileDown).isZero();
        assertThat(all).as("every refusal is the engine being unavailable, never a wrong deny").allSatisfy(o ->
                assertThat(o.allowed() || o.unavailable()).isTrue());
        assertThat(allowedAfter).isPositive();
    }

    @Test
    void opaKilledDuringAPublicationRunsACompletePublishedRevisionAfterwards() throws Exception {
        AgreementVersion v1 = TestAgreements.publishedInForce(registry, "LU", "\"INTERNAL\"");
        String key = v1.agreementKey();
        AgreementVersion draft = As.user("lola", "LEGAL_OFFICER", () -> registry.newDraft(key, 1));
        As.run("lola", "LEGAL_OFFICER", () -> {
            registry.save(key, draft.version(), new DraftContent(TestAgreements.inForce(v1.termsJson(),
                    "\"INTERNAL\", \"RESTRICTED\""), v1.regoSource(), v1.testsSource(), "restricted data too"));
            registry.submit(key, draft.version());
        });
        As.run("leo", "LEGAL_OFFICER", () -> registry.approve(key, draft.version(), "matches the amendment"));
        String before = bundles.current().revision();

        OpaSupervisor supervisor = (OpaSupervisor) endpoint;
        long pid = supervisor.pid();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        boolean published;
        try {
            As.run("lola", "LEGAL_OFFICER", () -> registry.publish(key, draft.version()));
            published = true;
        } catch (PolicyRejectedException e) {
            published = false;
        }
        String served = bundles.current().revision();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                new OpaProbe().bundleRevision(endpoint.baseUrl()).map(served::equals).orElse(false));
        VersionStatus status = As.user("lola", "LEGAL_OFFICER", () -> registry.version(key, draft.version())).status();
        if (published) {
            assertThat(served).isNotEqualTo(before);
            assertThat(status).isEqualTo(VersionStatus.PUBLISHED);
        } else {
            assertThat(served).isEqualTo(before);
            assertThat(status).isEqualTo(VersionStatus.APPROVED);
        }
        assertThat(decide().allowed()).isTrue();
    }
}
