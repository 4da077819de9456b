package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.dataembassy.portal.support.ApiSession.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.dataembassy.portal.activation.ActivationStatus;
import org.dataembassy.portal.activation.CommitteeVotes;
import org.dataembassy.portal.activation.EmergencyActivation;
import org.dataembassy.portal.activation.EmergencyActivations;
import org.dataembassy.portal.activation.EmergencyType;
import org.dataembassy.portal.activation.TriggerRequest;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.audit.AuditVerification;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.PortalUnavailable;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.ConnectionLeakCheck;
import org.dataembassy.portal.support.Jobs;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.SmallFilesystem;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's database on a real, small tmpfs that fills up under a running portal (H2OutOfSpaceIT,
 * PostgresOutOfSpaceIT). While it is full, every action that writes — saving, creating, approving and publishing an
 * agreement over the REST API, submitting an onboarding request and casting a committee vote through the services —
 * is refused as "unavailable" (503 problem+json with Retry-After; the service exception recognised by
 * {@link PortalUnavailable}), not as a 500. Nothing is half-written: every request, version and vote has its audit
 * entry and a request its process instance, the hash chain verifies, and every write confirmed before the first
 * refusal is still there. Once the space returns the same actions succeed without a restart of the portal, and the
 * workflow jobs of that time complete without an incident.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ConnectionLeakCheck.class)
abstract class DiskFullScenario {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private static final String UNAVAILABLE = "https://dataembassy.org/problems/service-unavailable";

    /** The small filesystem the database writes to. */
    protected abstract SmallFilesystem disk();

    private long databaseBytes() throws IOException {
        try (var files = Files.walk(disk().path())) {
            return files.filter(Files::isRegularFile).filter(f -> !f.endsWith(".filler"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    EmergencyActivations activations;
    @Autowired
    CommitteeVotes votes;
    @Autowired
    DatasetReplication replication;
    @Autowired
    WorkTasks tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    private static String newAgreement() {
        String suffix = "f" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return "{\"template\": \"ee_lu\", \"originatingState\": \"EE\", \"hostState\": \"DE\", \"title\": \"Full disk " + suffix
                + "\", \"treatyReference\": \"test\", \"suffix\": \"" + suffix + "\"}";
    }

    /** A new agreement's v1 over the API, taken to {@code stage}: 0 draft, 1 submitted, 2 approved. */
    private String agreement(ApiSession lola, ApiSession leo, int stage) throws Exception {
        HttpResponse<String> created = lola.post("/api/agreements", newAgreement());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String key = body(created).get("agreementKey").asText();
        if (stage >= 1) {
            assertThat(lola.post(v1(key) + "/submit", "").statusCode()).isEqualTo(200);
        }
        if (stage >= 2) {
            assertThat(leo.post(v1(key) + "/approve", "{\"comment\": \"checked\"}").statusCode()).isEqualTo(200);
        }
        return key;
    }

    private static String v1(String key) {
        return "/api/agreements/" + key + "/versions/1";
    }

    private static String content(JsonNode version, String note) {
        ObjectNode content = ApiSession.JSON.createObjectNode();
        content.put("termsJson", version.get("termsJson").asText());
        content.put("regoSource", version.get("regoSource").asText());
        content.put("testsSource", version.get("testsSource").asText());
        content.put("changeNote", note);
        return content.toString();
    }

    private static final String FILLING = "@filling@";

    /** Content with about 180 kB of comment in the rules (under the API's 256 kB body limit), noted FILLING. */
    private static String padded(JsonNode version) {
        StringBuilder comment = new StringBuilder();
        for (int i = 0; comment.length() < 180_000; i++) {
            comment.append("\n# filler line ").append(i).append(' ').append(UUID.nameUUIDFromBytes(new byte[] {(byte) i}));
        }
        ObjectNode content = ApiSession.JSON.createObjectNode();
        content.put("termsJson", version.get("termsJson").asText());
        content.put("regoSource", version.get("regoSource").asText() + comment);
        content.put("testsSource", version.get("testsSource").asText());
        content.put("changeNote", FILLING);
        return content.toString();
    }

    private static void assertUnavailable(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(body(response).get("type").asText()).isEqualTo(UNAVAILABLE);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                s -> assertThat(Integer.parseInt(s)).isPositive());
    }

    /**
     * Whether the database refuses every write while its disk is full (H2 closes itself at the first one that fails)
     * or only those that need more space (PostgreSQL still updates in the free room of a page).
     */
    protected abstract boolean refusesEveryWriteWhenFull();

    /** A write while full: refused as unavailable, or (where the database allows) done with {@code ok}. */
    private boolean refused(HttpResponse<String> response, int ok) throws Exception {
        if (refusesEveryWriteWhenFull() || response.statusCode() != ok) {
            assertUnavailable(response);
            return true;
        }
        return false;
    }

    private boolean refused(Throwable failure) {
        if (refusesEveryWriteWhenFull() || failure != null) {
            assertUnavailable(failure);
            return true;
        }
        return false;
    }

    private static void assertUnavailable(Throwable refused) {
        assertThat(refused).as("refused while the disk is full").isNotNull();
        assertThat(PortalUnavailable.causedBy(refused)).as("recognised as unavailable: " + refused).isTrue();
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    private Map<String, Integer> rows() {
        return Map.of("onboarding_request", count("select count(*) from onboarding_request"),
                "agreement_version", count("select count(*) from agreement_version"),
                "activation_vote", count("select count(*) from activation_vote"),
                "audit_entry", count("select count(*) from audit_entry"),
                "act_hi_procinst", count("select count(*) from act_hi_procinst"));
    }

    private OnboardingRequest find(String id) {
        return As.user("dora", "DATA_OWNER", () -> onboarding.find(id));
    }

    private ActivationStatus status(EmergencyActivation a) {
        return As.user("aude", "AUDITOR", () -> activations.find(a.id())).status();
    }

    private OnboardingRequest submit(OnboardingSlice slice, String name) {
        return slice.submit("dora", OnboardingSlice.application(name + " " + System.nanoTime(),
                Classification.INTERNAL, false));
    }

    @Test
    void writesAreRefusedAsUnavailableWhileTheDiskIsFullNothingIsHalfWrittenAndAllSucceedOnceSpaceReturns()
            throws Exception {
        ApiSession lola = new ApiSession(port, "lola");
        ApiSession leo = new ApiSession(port, "leo");
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        String draft = agreement(lola, leo, 0);
        String submitted = agreement(lola, leo, 1);
        String approved = agreement(lola, leo, 2);
        JsonNode draftV1 = body(lola.get(v1(draft)));
        OnboardingRequest dataset = slice.activeDataset(activation, "dora", "Full disk dataset", List.of("embassy-lu"));
        EmergencyActivation a = As.user("cade", "EMERGENCY_COMMITTEE", () -> activations.trigger(new TriggerRequest(
                "ee_lu", "embassy-lu", EmergencyType.CYBER_ATTACK, "Primary data centres unreachable in a drill",
                List.of("CRISIS_DECLARED", "PRIMARY_SITES_UNAVAILABLE"), List.of(dataset.id()), true, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> status(a) == ActivationStatus.VOTING);
        As.run("cleo", "EMERGENCY_COMMITTEE", () -> votes.vote(a.id(), true, null));
        // submitted just before the disk fills: its first workflow steps run while it is full, or just before
        OnboardingRequest early = submit(slice, "Submitted before the disk filled");
        // a 40 MB first replication, running when the disk fills: its job cannot commit and must run again
        OnboardingRequest replicating = approvedLarge(slice, "Replicating while the disk filled");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> find(replicating.id()).status() == OnboardingStatus.REPLICATING);
        Map<String, Integer> before = rows();
        log.info("rows before the disk filled: {}; database files {} bytes", before, databaseBytes());

        disk().fill();
        log.info("disk full: {} bytes usable", disk().usable());
        // the database still places commits in free room inside its files (H2 reuses the chunks it freed): save
        // drafts with a long comment in their rules until it cannot (bounded)
        String padded = padded(draftV1);
        List<String> confirmed = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 300 && refused == null; i++) {
            String note = "saved while filling " + i;
            HttpResponse<String> save = lola.put(v1(draft), padded.replace(FILLING, note));
            if (save.statusCode() == 200) {
                confirmed.add(note);
            } else {
                refused = save;
            }
        }
        log.info("database files {} bytes after filling", databaseBytes());
        assertThat(refused).as("a save refused within 300 tries of a full disk").isNotNull();
        log.info("{} saves confirmed on the full disk before the first refusal: {} {}", confirmed.size(),
                refused.statusCode(), refused.body());
        assertUnavailable(refused);

        // every other write, while the disk stays full: refused (H2: all; PostgreSQL: those needing a new page)
        String lastConfirmed = confirmed.isEmpty() ? draftV1.get("changeNote").asText() : confirmed.get(confirmed.size() - 1);
        if (!refused(lola.put(v1(draft), content(draftV1, "saved while full")), 200)) {
            lastConfirmed = "saved while full";
        }
        boolean createRefused = refused(lola.post("/api/agreements", newAgreement()), 201);
        boolean approveRefused = refused(leo.post(v1(submitted) + "/approve", "{\"comment\": \"while full\"}"), 200);
        boolean publishRefused = refused(leo.post(v1(approved) + "/publish", ""), 200);
        boolean submitRefused = refused(catchThrowable(() -> submit(slice, "Submitted while full")));
        boolean voteRefused = refused(catchThrowable(() -> As.run("cyrus", "EMERGENCY_COMMITTEE",
                () -> votes.vote(a.id(), true, null))));
        log.info("while full refused: create {}, approve {}, publish {}, submit {}, vote {}", createRefused,
                approveRefused, publishRefused, submitRefused, voteRefused);
        HttpResponse<String> read = lola.get("/api/agreements");
        HttpResponse<String> health = lola.get("/actuator/health");
        log.info("while full: read {} ; health {} {}", read.statusCode(), health.statusCode(), health.body());
        assertThat(read.statusCode()).as("a read answers or is unavailable, never a 500: " + read.body())
                .isIn(200, 503);
        assertHealthWhileFull(health);

        disk().free();
        Instant spaceBack = Instant.now();
        log.info("space back: {} bytes usable", disk().usable());
        // no restart: the same actions succeed (the first may still meet a connection of the closed database)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(
                () -> lola.get("/api/agreements").statusCode() == 200);
        JsonNode kept = body(lola.get(v1(draft)));
        assertThat(kept.get("changeNote").asText()).as("the last save confirmed while full is kept")
                .isEqualTo(lastConfirmed);
        Map<String, Integer> whileFull = rows();
        log.info("rows after space returned, before retrying: {}", whileFull);
        assertThat(whileFull.get("onboarding_request")).isEqualTo(before.get("onboarding_request") + (submitRefused ? 0 : 1));
        assertThat(whileFull.get("agreement_version")).isEqualTo(before.get("agreement_version") + (createRefused ? 0 : 1));
        assertThat(whileFull.get("activation_vote")).isEqualTo(before.get("activation_vote") + (voteRefused ? 0 : 1));
        assertThat(whileFull.get("audit_entry")).as("at least the confirmed saves were written")
                .isGreaterThanOrEqualTo(before.get("audit_entry") + confirmed.size());

        HttpResponse<String> saved = lola.put(v1(draft), content(draftV1, "saved after space returned"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> created = lola.post("/api/agreements", newAgreement());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        if (approveRefused) {
            HttpResponse<String> approval = leo.post(v1(submitted) + "/approve", "{\"comment\": \"after\"}");
            assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);
        }
        assertThat(body(lola.get(v1(submitted))).get("status").asText()).isEqualTo("APPROVED");
        if (publishRefused) {
            HttpResponse<String> publication = leo.post(v1(approved) + "/publish", "");
            assertThat(publication.statusCode()).as(publication.body()).isEqualTo(200);
        }
        assertThat(body(lola.get(v1(approved))).get("status").asText()).isEqualTo("PUBLISHED");
        OnboardingRequest after = submit(slice, "Submitted after space returned");
        if (voteRefused) {
            As.run("cyrus", "EMERGENCY_COMMITTEE", () -> votes.vote(a.id(), true, null));
        }

        HttpResponse<String> healthAfter = lola.get("/actuator/health");
        assertThat(healthAfter.statusCode()).as(healthAfter.body()).isEqualTo(200);
        assertThat(body(healthAfter).get("status").asText()).isEqualTo("UP");

        // jobs of the full time retry and complete; nothing stuck, nothing done twice
        Jobs.until(management, replicating.processInstanceId(), Duration.ofSeconds(90),
                () -> find(replicating.id()).status() == OnboardingStatus.ACTIVE);
        assertThat(As.user("sam", "SYSTEM", () -> replication.scrub(replicating.id(), List.of("embassy-lu"))).clean())
                .as("the replication that outlived the full disk verifies").isTrue();
        List<AuditEntry> completed = As.user("aude", "AUDITOR", () -> audit.forSubject(replicating.subject())).stream()
                .filter(e -> e.action().equals("ONBOARDING_COMPLETED") && e.outcome().equals("ACTIVE")).toList();
        assertThat(completed).as("completed once").hasSize(1);
        log.info("the replication running when the disk filled completed at {} (space returned at {})",
                completed.get(0).occurredAt(), spaceBack);
        Jobs.until(management, early.processInstanceId(), Duration.ofSeconds(60),
                () -> find(early.id()).status() != OnboardingStatus.SUBMITTED);
        Jobs.until(management, after.processInstanceId(), Duration.ofSeconds(60),
                () -> find(after.id()).status() != OnboardingStatus.SUBMITTED);
        Jobs.until(management, a.processInstanceId(), Duration.ofSeconds(60),
                () -> status(a) == ActivationStatus.ACTIVE);
        int failedJobRuns = count("select count(*) from act_hi_job_log where job_exception_msg_ is not null");
        log.info("job runs that failed meanwhile (and were retried): {}", failedJobRuns);
        assertThat(runtime.createIncidentQuery().count()).as("no incident left").isZero();

        Map<String, Integer> end = rows();
        log.info("rows at the end: {}", end);
        assertThat(end.get("onboarding_request")).isEqualTo(before.get("onboarding_request") + (submitRefused ? 1 : 2));
        assertThat(end.get("agreement_version")).isEqualTo(before.get("agreement_version") + (createRefused ? 1 : 2));
        assertThat(end.get("activation_vote")).isEqualTo(before.get("activation_vote") + 1);
        assertNothingHalfWritten();
        AuditVerification chain = As.user("aude", "AUDITOR", () -> audit.verify());
        log.info("audit chain: {} entries checked, problems {}", chain.entriesChecked(), chain.problems());
        assertThat(chain.problems()).isEmpty();
        assertThat(chain.entriesChecked()).isEqualTo((long) end.get("audit_entry"));
    }

    /** What {@code /actuator/health} (anonymous: status only) must answer while the database's disk is full. */
    protected abstract void assertHealthWhileFull(HttpResponse<String> health) throws Exception;

    /** A request with keys approved for a 40 MB source, so its first replication runs for a while. */
    private OnboardingRequest approvedLarge(OnboardingSlice slice, String name) throws Exception {
        OnboardingRequest request = submit(slice, name);
        WorkTask keys = slice.awaitTask("sam", "SECURITY_OFFICER", request.id());
        Path root = As.user("sam", "SECURITY_OFFICER", () -> activation.sourceRoots()).get(0);
        Path source = Files.createDirectories(root.resolve("full-" + UUID.randomUUID()));
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            byte[] data = new byte[1_000_000];
            random.nextBytes(data);
            Files.write(source.resolve("part-" + i + ".bin"), data);
        }
        As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true, source.toString(),
                List.of("embassy-lu"), ""));
        return request;
    }

    /** Every request, version and vote has its audit entry (and a request its process instance), and vice versa. */
    private void assertNothingHalfWritten() {
        assertThat(count("select count(*) from onboarding_request r where r.process_instance_id is null or not exists"
                + " (select 1 from act_hi_procinst p where p.id_ = r.process_instance_id)"))
                .as("requests without their process instance").isZero();
        assertThat(count("select count(*) from onboarding_request r where not exists (select 1 from audit_entry e"
                + " where e.action = 'ONBOARDING_REQUESTED' and e.subject = concat('onboarding-request:', r.id))"))
                .as("requests without their audit entry").isZero();
        assertThat(count("select count(*) from audit_entry e where e.action = 'ONBOARDING_REQUESTED' and not exists"
                + " (select 1 from onboarding_request r where e.subject = concat('onboarding-request:', r.id))"))
                .as("audit entries of requests that are not there").isZero();
        assertThat(count("select count(*) from act_hi_procinst p where p.proc_def_key_ = 'DatasetOnboardingProcess'"
                + " and not exists (select 1 from onboarding_request r where r.process_instance_id = p.id_)"))
                .as("onboarding instances without their request").isZero();
        assertThat(count("select count(*) from activation_vote v where not exists (select 1 from audit_entry e"
                + " where e.action in ('ACTIVATION_VOTE', 'ACTIVATION_TRIGGERED') and e.actor = v.member"
                + " and e.subject = concat('activation:', v.activation_id))"))
                .as("votes without their audit entry").isZero();
        assertThat(count("select count(*) from agreement_version v where v.title like 'Full disk %' and not exists"
                + " (select 1 from audit_entry e"
                + " where e.subject = concat('agreement:', v.agreement_key, ' v', v.version))"))
                .as("versions without an audit entry").isZero();
    }
}
