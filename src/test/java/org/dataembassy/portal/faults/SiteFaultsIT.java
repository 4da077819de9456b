package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingApplication;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.datasets.Register;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.replication.site.S3TestServer;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.ConnectionLeakCheck;
import org.dataembassy.portal.support.Jobs;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.SlowProxy;
import org.dataembassy.portal.support.SmallFilesystem;
import org.dataembassy.portal.support.TestAgreements;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.dataembassy.portal.workflow.WorkflowEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Embassy sites failing during the first replication, through the real workflow, with real storage: a folder site
 * on a small tmpfs that is full, a real S3-compatible server that is stopped, and the same server behind a slow
 * link. A failed site makes the step retry and then raise an incident; the other sites complete and verify; no
 * snapshot references data that is not there; once the site is back, retrying the incident finishes the job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ConnectionLeakCheck.class)
class SiteFaultsIT {

    private static final Path ROOT = Path.of("target/site-faults-" + UUID.randomUUID()).toAbsolutePath();
    private static SmallFilesystem small;
    private static S3TestServer s3;
    private static SlowProxy slow;

    @DynamicPropertySource
    static void sites(DynamicPropertyRegistry registry) throws Exception {
        small = SmallFilesystem.mount(ROOT.resolve("small"), 8);
        s3 = S3TestServer.startIn(ROOT.resolve("s3"));
        // about 1.6 MB/s: a slow embassy link, well within the per-request timeout of 10 s
        slow = new SlowProxy(s3.endpoint().getPort(), 16 * 1024, 10);
        site(registry, 0, "home-ee", "EE", "HOME", ROOT.resolve("home").toString());
        site(registry, 1, "embassy-lu", "LU", "EMBASSY", small.path().resolve("site").toString());
        site(registry, 2, "embassy-s3", "LU", "EMBASSY", "s3://embassy/portal");
        s3(registry, 2, s3.endpoint().toString(), "3s");
        site(registry, 3, "embassy-slow", "LU", "EMBASSY", "s3://slow/portal");
        s3(registry, 3, "http://127.0.0.1:" + slow.port(), "10s");
    }

    private static void site(DynamicPropertyRegistry registry, int i, String id, String country, String role,
                             String location) {
        registry.add("dataembassy.sites[" + i + "].id", () -> id);
        registry.add("dataembassy.sites[" + i + "].country", () -> country);
        registry.add("dataembassy.sites[" + i + "].role", () -> role);
        registry.add("dataembassy.sites[" + i + "].location", () -> location);
    }

    private static void s3(DynamicPropertyRegistry registry, int i, String endpoint, String timeout) {
        String prefix = "dataembassy.sites[" + i + "].s3.";
        registry.add(prefix + "endpoint", () -> endpoint);
        registry.add(prefix + "access-key", () -> S3TestServer.ACCESS_KEY);
        registry.add(prefix + "secret-key", () -> S3TestServer.SECRET_KEY);
        registry.add(prefix + "attempts", () -> "2");
        registry.add(prefix + "timeout", () -> timeout);
        registry.add(prefix + "create-bucket", () -> "true");
    }

    @AfterEach
    void siteBack() throws Exception {
        small.free();
        if (!s3.running()) {
            s3.start();
        }
    }

    @AfterAll
    static void release() throws Exception {
        slow.close();
        s3.close();
        small.close();
    }

    @Autowired
    AgreementRegistry registry;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    DatasetReplication replication;
    @Autowired
    WorkTasks tasks;
    @Autowired
    WorkflowEngine workflow;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private static String agreement;

    private String agreement() {
        if (agreement == null) {
            agreement = TestAgreements.publishedInForce(registry, "LU", "\"INTERNAL\"", "[ "
                    + "{\"id\": \"home-ee\", \"state\": \"EE\", \"role\": \"origin\"}, "
                    + "{\"id\": \"embassy-lu\", \"state\": \"LU\", \"role\": \"embassy\"}, "
                    + "{\"id\": \"embassy-s3\", \"state\": \"LU\", \"role\": \"embassy\"}, "
                    + "{\"id\": \"embassy-slow\", \"state\": \"LU\", \"role\": \"embassy\"} ]").agreementKey();
        }
        return agreement;
    }

    /** A dataset of dora's, accepted, with 3 MB of incompressible files approved for {@code sites}. */
    private OnboardingRequest approved(String name, List<String> sites) throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", new OnboardingApplication(name + " " + System.nanoTime(),
                "Ministry of Justice", "Land Register Act § 3", Classification.INTERNAL, false, Register.NONE,
                agreement(), 1, List.of(), 24));
        WorkTask keys = slice.awaitTask("sam", "SECURITY_OFFICER", request.id());
        Path root = As.user("sam", "SECURITY_OFFICER", () -> activation.sourceRoots()).get(0);
        Path source = Files.createDirectories(root.resolve("faults-" + UUID.randomUUID()));
        Random random = new Random(name.hashCode());
        for (int i = 0; i < 3; i++) {
            byte[] data = new byte[1_000_000];
            random.nextBytes(data);
            Files.write(source.resolve("part-" + i + ".bin"), data);
        }
        As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true, source.toString(), sites, ""));
        return request;
    }

    private OnboardingRequest find(String id) {
        return As.user("dora", "DATA_OWNER", () -> onboarding.find(id));
    }

    private SiteStatus status(String id, String site) {
        return As.user("dora", "DATA_OWNER", () -> activation.replicas(id)).stream()
                .filter(s -> s.site().equals(site)).findFirst().orElseThrow();
    }

    private ScrubReport scrub(String id, List<String> sites) {
        return As.user("sam", "SYSTEM", () -> replication.scrub(id, sites));
    }

    private void retry(Incident incident) {
        assertThat(As.user("ada", "ADMIN", () -> workflow.retry(incident.getId()))).isTrue();
    }

    @Test
    void aFullFolderSiteFailsTheStepIntoAnIncidentWhileTheOtherSiteCompletesThenSpaceReturnsAndItFinishes()
            throws Exception {
        small.fill();
        OnboardingRequest request = approved("Full site", List.of("embassy-lu", "embassy-s3"));
        String instance = find(request.id()).processInstanceId();

        Incident incident = Jobs.untilIncident(runtime, management, instance, Duration.ofSeconds(120));
        assertThat(incident.getActivityId()).isEqualTo("Task_InitialReplication");
        assertThat(incident.getIncidentMessage()).contains("embassy-lu");
        assertThat(find(request.id()).status()).isEqualTo(OnboardingStatus.REPLICATING);
        assertThat(status(request.id(), "embassy-s3").lastVerifiedSnapshot()).as("the other site completed").isNotNull();
        assertThat(status(request.id(), "embassy-s3").snapshots()).as("one per attempt, each complete").isPositive();
        assertThat(status(request.id(), "embassy-lu").snapshots()).as("no snapshot without its data").isZero();
        assertThat(scrub(request.id(), List.of("embassy-s3")).clean()).isTrue();

        small.free();
        retry(incident);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> find(request.id()).status() == OnboardingStatus.ACTIVE);
        assertThat(scrub(request.id(), List.of("embassy-lu", "embassy-s3")).clean()).isTrue();
        assertThat(status(request.id(), "embassy-lu").lastVerifiedSnapshot()).isNotNull();
    }

    @Test
    void aStoppedObjectStoreFailsTheStepIntoAnIncidentAndCatchesUpWhenItIsBack() throws Exception {
        s3.stop();
        OnboardingRequest done = approved("Object store down", List.of("embassy-lu", "embassy-s3"));
        String instance = find(done.id()).processInstanceId();
        Incident incident = Jobs.untilIncident(runtime, management, instance, Duration.ofSeconds(180));
        assertThat(incident.getIncidentMessage()).contains("embassy-s3");
        assertThat(status(done.id(), "embassy-lu").snapshots()).as("one per attempt, each complete").isPositive();
        assertThat(scrub(done.id(), List.of("embassy-lu")).clean()).isTrue();
        s3.start();
        retry(incident);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> find(done.id()).status() == OnboardingStatus.ACTIVE);
        assertThat(scrub(done.id(), List.of("embassy-lu", "embassy-s3")).clean()).isTrue();
    }

    @Test
    void aSlowLinkOnlyTakesLonger() throws Exception {
        OnboardingRequest request = approved("Slow link", List.of("embassy-slow"));
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> find(request.id()).status() == OnboardingStatus.ACTIVE);
        assertThat(runtime.createIncidentQuery().processInstanceId(find(request.id()).processInstanceId()).count())
                .isZero();
        assertThat(scrub(request.id(), List.of("embassy-slow")).clean()).isTrue();
    }
}
