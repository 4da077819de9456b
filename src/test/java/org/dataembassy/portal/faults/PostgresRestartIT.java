package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.dataembassy.portal.activation.ActivationStatus;
import org.dataembassy.portal.activation.CommitteeVotes;
import org.dataembassy.portal.activation.EmergencyActivation;
import org.dataembassy.portal.activation.EmergencyActivations;
import org.dataembassy.portal.activation.EmergencyType;
import org.dataembassy.portal.activation.TriggerRequest;
import org.dataembassy.portal.activation.VoteKind;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.ConnectionLeakCheck;
import org.dataembassy.portal.support.FormLogin;
import org.dataembassy.portal.support.Jobs;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PostgresCluster;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;
import org.dataembassy.portal.transfers.TransferStatus;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal on PostgreSQL, with the database restarted (fast shutdown: connections cut) during an onboarding's
 * replication, a transfer and a committee vote. The portal recovers without a restart of its own, the steps retry,
 * and nothing is done twice or lost: one request, one snapshot chain that verifies, one completed transfer, every
 * vote counted once and one quorum.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@ExtendWith(ConnectionLeakCheck.class)
class PostgresRestartIT {

    private static final PostgresCluster POSTGRES = new PostgresCluster("/var/tmp/data-embassy-postgres-restart", 55433);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        String url = POSTGRES.reset();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "dataembassy");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
        // the postgres profile has no demo accounts; the sign-in checks below need two
        registry.add("dataembassy.identity.demo-accounts", () -> "true");
        // A job whose transaction died with the database stays locked until its lock expires (5 min by default,
        // longer than any step may run); these steps take seconds, so the test lets them expire sooner.
        registry.add("camunda.bpm.job-execution.lock-time-in-millis", () -> "20000");
    }

    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    DatasetReplication replication;
    @Autowired
    CrossBorderTransfers transfers;
    @Autowired
    EmergencyActivations activations;
    @Autowired
    CommitteeVotes votes;
    @Autowired
    WorkTasks tasks;
    @Autowired
    ManagementService management;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @AfterEach
    void databaseBack() throws Exception {
        POSTGRES.start();
    }

    private void restartDatabase() throws Exception {
        POSTGRES.stop();
        Thread.sleep(3000);
        POSTGRES.start();
    }

    private OnboardingRequest find(String id) {
        return As.user("dora", "DATA_OWNER", () -> onboarding.find(id));
    }

    private List<AuditEntry> trail(String subject) {
        return As.user("aude", "AUDITOR", () -> audit.forSubject(subject));
    }

    /** Approves keys for a 40 MB source so the replication runs long enough to be interrupted. */
    private OnboardingRequest approvedLarge(String name) throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application(name + " " + System.nanoTime(),
                Classification.INTERNAL, false));
        WorkTask keys = slice.awaitTask("sam", "SECURITY_OFFICER", request.id());
        Path root = As.user("sam", "SECURITY_OFFICER", () -> activation.sourceRoots()).get(0);
        Path source = Files.createDirectories(root.resolve("restart-" + UUID.randomUUID()));
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            byte[] data = new byte[1_000_000];
            random.nextBytes(data);
            Files.write(source.resolve("part-" + i + ".bin"), data);
        }
        As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true, source.toString(),
                List.of("embassy-lu"), ""));
        return request;
    }

    @Test
    void anOnboardingWhoseReplicationOutlivesTheDatabaseFinishesOnceAndVerifies() throws Exception {
        OnboardingRequest request = approvedLarge("Restarted onboarding");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> find(request.id()).status() == OnboardingStatus.REPLICATING);
        restartDatabase();

        String instance = find(request.id()).processInstanceId();
        Jobs.until(management, instance, Duration.ofSeconds(180), () -> find(request.id()).status() == OnboardingStatus.ACTIVE);
        assertThat(jdbc.sql("select count(*) from onboarding_request where id = ?").param(request.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(As.user("sam", "SYSTEM", () -> replication.scrub(request.id(), List.of("embassy-lu"))).clean()).isTrue();
        assertThat(trail(request.subject())).filteredOn(e -> e.action().equals("ONBOARDING_COMPLETED")
                && e.outcome().equals("ACTIVE")).hasSize(1);
        assertThat(trail(request.subject())).filteredOn(e -> e.action().equals("ONBOARDING_COMPLETED")
                && e.outcome().equals("ACCEPTED")).hasSize(1);
        assertThat(As.user("aude", "AUDITOR", () -> audit.verify()).problems()).isEmpty();
    }

    @Test
    void aTransferAcrossARestartCompletesOnceAndAVoteRefusedWhileDownCountsOnceWhenRepeated() throws Exception {
        OnboardingRequest dataset = approvedLarge("Restarted transfer");
        Jobs.until(management, find(dataset.id()).processInstanceId(), Duration.ofSeconds(180),
                () -> find(dataset.id()).status() == OnboardingStatus.ACTIVE);
        TransferRequest transfer = As.user("dora", "DATA_OWNER", () -> transfers.request(dataset.id(), "embassy-lu"));
        restartDatabase();
        String transferInstance = As.user("dora", "DATA_OWNER", () -> transfers.find(transfer.id())).processInstanceId();
        Jobs.until(management, transferInstance, Duration.ofSeconds(180), () -> As.user("dora", "DATA_OWNER",
                () -> transfers.find(transfer.id())).status() == TransferStatus.COMPLETED);
        assertThat(trail(transfer.subject())).filteredOn(e -> e.action().equals("TRANSFER_COMPLETED")).hasSize(1);

        EmergencyActivation a = As.user("cade", "EMERGENCY_COMMITTEE", () -> activations.trigger(new TriggerRequest(
                "ee_lu", "embassy-lu", EmergencyType.CYBER_ATTACK, "Primary data centres unreachable in a drill",
                List.of("CRISIS_DECLARED", "PRIMARY_SITES_UNAVAILABLE"), List.of(dataset.id()), true, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(a) == ActivationStatus.VOTING);
        As.run("cleo", "EMERGENCY_COMMITTEE", () -> votes.vote(a.id(), true, null));
        POSTGRES.stop();
        assertThatThrownBy(() -> As.run("cyrus", "EMERGENCY_COMMITTEE", () -> votes.vote(a.id(), true, null)))
                .as("a vote while the database is down is refused, not half-counted").isNotNull();
        POSTGRES.start();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            As.run("cyrus", "EMERGENCY_COMMITTEE", () -> votes.vote(a.id(), true, null));
            return true;
        });
        Jobs.until(management, a.processInstanceId(), Duration.ofSeconds(120), () -> status(a) == ActivationStatus.ACTIVE);
        EmergencyActivation after = As.user("aude", "AUDITOR", () -> activations.find(a.id()));
        assertThat(after.votes(VoteKind.ACTIVATE, 0))
                .extracting(v -> v.member()).containsExactlyInAnyOrder("cade", "cleo", "cyrus");
        assertThat(trail(a.subject())).filteredOn(e -> e.action().equals("QUORUM_REACHED")).hasSize(1);
    }

    @Test
    void whileTheDatabaseIsDownHealthIsDownSignInSaysUnavailableAndTheApiAnswers503ThenAllComesBack() throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpClient lola = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(FormLogin.post(lola, base, "lola", "embassy-demo").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        assertThat(get(lola, base + "/api/agreements").statusCode()).isEqualTo(200);

        POSTGRES.stop();
        HttpResponse<String> health = get(HttpClient.newHttpClient(), base + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"DOWN\"");
        HttpResponse<String> api = get(lola, base + "/api/agreements");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(api.body()).contains("service-unavailable").doesNotContain("Exception").doesNotContain("jdbc");
        HttpClient cade = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(FormLogin.post(cade, base, "cade", "embassy-demo").headers().firstValue("Location"))
                .as("a sign-in that cannot be checked says so, never 'wrong password'")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?unavailable"));

        POSTGRES.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get(HttpClient.newHttpClient(), base + "/actuator/health").statusCode() == 200);
        assertThat(get(lola, base + "/api/agreements").statusCode()).isEqualTo(200);
        assertThat(FormLogin.post(cade, base, "cade", "embassy-demo").headers().firstValue("Location"))
                .as("the failed check was not counted as a wrong password").hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ActivationStatus status(EmergencyActivation a) {
        return As.user("aude", "AUDITOR", () -> activations.find(a.id())).status();
    }
}
