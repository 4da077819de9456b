package org.dataembassy.portal.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.identity.FreshAuthenticationRequired;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Emergency activation end to end: the real OPA judges the trigger and the quorum against ee_lu (3 of 5), the
 * real Camunda job executor runs the steps, the KEK is unsealed from the committee's real Shamir shares and the
 * real engine restores the dataset from the embassy folder site into the read-only serving area.
 */
@PortalIntegrationTest
class EmergencyActivationIT {

    @Autowired
    EmergencyActivations activations;
    @Autowired
    CommitteeVotes votes;
    @Autowired
    KeyCeremonies ceremonies;
    @Autowired
    ActivationProperties properties;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning datasetProvisioning;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    private ActivationTestSupport committee() {
        return new ActivationTestSupport(activations, votes, ceremonies);
    }

    private OnboardingRequest activeDataset(String name) throws IOException {
        return new OnboardingSlice(onboarding, tasks).activeDataset(datasetProvisioning, "dora", name, List.of("embassy-lu"));
    }

    private List<AuditEntry> trail(EmergencyActivation a) {
        return As.user("aude", "AUDITOR", () -> audit.forSubject(a.subject()));
    }

    @Test
    void threeOfFiveWithTheirSharesActivateAndTheServedFilesAreTheVerifiedSnapshotReadOnlyThenAQuorumStandsDown() throws Exception {
        OnboardingRequest dataset = activeDataset("Land register");
        ActivationTestSupport c = committee();
        Map<String, String> shares = c.ceremony();

        EmergencyActivation a = c.trigger("cora", List.of(dataset.id()), false, shares.get("cora"));
        c.awaitStatus(a.id(), ActivationStatus.VOTING);
        assertThatThrownBy(() -> c.vote("cora", a.id(), true, shares.get("cora")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("vote"))
                        .isEqualTo("You have already voted on this activation"));
        assertThatThrownBy(() -> c.vote("cade", a.id(), true, shares.get("celia")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("keyShare"))
                        .isEqualTo("This is not the share you were handed"));
        c.vote("cade", a.id(), true, shares.get("cade"));
        assertThatThrownBy(() -> c.vote("cade", a.id(), false, null)).isInstanceOf(InvalidInputException.class);
        assertThat(c.find(a.id()).votes(VoteKind.ACTIVATE, 0)).extracting(ActivationVote::member).containsExactly("cora", "cade");
        c.vote("cleo", a.id(), true, shares.get("cleo"));

        EmergencyActivation active = c.awaitStatus(a.id(), ActivationStatus.ACTIVE);
        assertThat(active.keySource()).startsWith("SHAMIR_SHARES: 3 shares");
        assertThat(active.notifiedAt()).isNotNull();
        // the instant the duties rules count a post-activation notice from (facts.activations)
        Timestamp activatedAt = jdbc.queryForObject(
                "select activated_at from emergency_activation where id = ?", Timestamp.class, a.id());
        assertThat(activatedAt).as("activated_at recorded when declared ACTIVE").isNotNull();
        assertThat(activatedAt.toInstant()).isAfterOrEqualTo(active.triggeredAt());
        ActivatedDataset served = active.datasets().get(0);
        String verified = As.user("dora", "DATA_OWNER", () -> datasetProvisioning.replicas(dataset.id())).stream()
                .filter(s -> s.site().equals("embassy-lu")).findFirst().orElseThrow().lastVerifiedSnapshot();
        assertThat(served.snapshotId()).isEqualTo(verified);
        Path folder = Path.of(served.servingPath());
        assertThat(folder).isEqualTo(properties.servingDir().toAbsolutePath().normalize().resolve(a.id()).resolve(dataset.id()));
        Path source = Path.of(dataset.sourceLocation());
        assertThat(folder.resolve("register.csv")).hasSameBinaryContentAs(source.resolve("register.csv"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("register.csv")))).isEqualTo("r--r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("r-xr-xr-x");
        assertThat(As.user("dora", "DATA_OWNER", () -> activations.serving())).extracting(EmergencyActivation::id).contains(a.id());
        assertThat(trail(active)).extracting(e -> e.action() + ":" + e.outcome()).containsSubsequence(
                "ACTIVATION_TRIGGERED:TRIGGERED", "POLICY_DECISION:ALLOW", "ACTIVATION_VOTE:APPROVED",
                "ACTIVATION_VOTE:APPROVED", "QUORUM_REACHED:ACTIVATING", "NOTIFICATION:SENT", "POLICY_DECISION:ALLOW",
                "KEY_RELEASED:RELEASED", "DATASET_RESTORED:RESTORED", "ACTIVATION_ACTIVE:ACTIVE");
        assertThat(trail(active)).allSatisfy(e -> shares.values().forEach(s -> assertThat(e.details()).doesNotContain(s)));

        As.run("cyrus", "EMERGENCY_COMMITTEE", () -> votes.requestStandDown(a.id(), "Primary sites restored and verified"));
        c.vote("celia", a.id(), true, null);
        assertThat(c.find(a.id()).status()).isEqualTo(ActivationStatus.STANDING_DOWN);
        c.vote("cleo", a.id(), true, null);
        EmergencyActivation stoodDown = c.awaitStatus(a.id(), ActivationStatus.STOOD_DOWN);
        assertThat(folder.getParent()).doesNotExist();
        assertThat(stoodDown.datasets().get(0).servingPath()).isNull();
        assertThat(stoodDown.votes(VoteKind.STAND_DOWN, 1)).extracting(ActivationVote::member)
                .containsExactly("cyrus", "celia", "cleo");
        As.run("cade", "EMERGENCY_COMMITTEE", () -> votes.confirmNotice(a.id()));
        assertThat(c.find(a.id()).noticeConfirmedBy()).isEqualTo("cade");
        assertThat(trail(stoodDown)).extracting(AuditEntry::action).contains("STAND_DOWN_QUORUM_REACHED", "ACTIVATION_STOOD_DOWN");
    }

    @Test
    void aRehearsalRunsThePathWithoutReleasingKeysOrTouchingData() throws Exception {
        OnboardingRequest dataset = activeDataset("Business register");
        ActivationTestSupport c = committee();
        EmergencyActivation a = c.trigger("cade", List.of(dataset.id()), true, null);
        c.awaitStatus(a.id(), ActivationStatus.VOTING);
        c.vote("cleo", a.id(), true, null);
        c.vote("celia", a.id(), true, null);

        EmergencyActivation active = c.awaitStatus(a.id(), ActivationStatus.ACTIVE);
        assertThat(active.rehearsal()).isTrue();
        assertThat(active.keySource()).startsWith("REHEARSAL");
        assertThat(active.datasets()).singleElement().satisfies(d -> {
            assertThat(d.snapshotId()).isNull();
            assertThat(d.servingPath()).isNull();
        });
        assertThat(properties.servingDir().resolve(a.id())).doesNotExist();
        assertThat(As.user("dora", "DATA_OWNER", () -> activations.serving())).extracting(EmergencyActivation::id)
                .doesNotContain(a.id());
        assertThat(trail(active)).extracting(e -> e.action() + ":" + e.outcome()).contains(
                "NOTIFICATION:REHEARSAL", "KEY_RELEASED:REHEARSAL", "DATASETS_RESTORED:REHEARSAL", "ACTIVATION_ACTIVE:REHEARSAL");
    }

    @Test
    void triggeringOrVotingNeedsARecentSignIn() throws Exception {
        OnboardingRequest dataset = activeDataset("Tax register");
        ActivationTestSupport c = committee();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        assertThatThrownBy(() -> As.signedInAt(anHourAgo, "cora", "EMERGENCY_COMMITTEE", () -> activations.trigger(
                new TriggerRequest("ee_lu", "embassy-lu", EmergencyType.CYBER_ATTACK, "stale session",
                        ActivationTestSupport.DECLARATIONS, List.of(dataset.id()), true, null))))
                .isInstanceOfSatisfying(FreshAuthenticationRequired.class,
                        e -> assertThat(e.stepUpUrl()).isNotBlank());
        assertThat(As.user("aude", "AUDITOR", () -> activations.recent())).noneMatch(x -> x.justification().equals("stale session"));

        EmergencyActivation a = c.trigger("cade", List.of(dataset.id()), true, null);
        c.awaitStatus(a.id(), ActivationStatus.VOTING);
        assertThat(As.signedInAt(anHourAgo, "cleo", "EMERGENCY_COMMITTEE", () -> votes.stepUpBeforeVoting())).isPresent();
        assertThat(As.user("cleo", "EMERGENCY_COMMITTEE", () -> votes.stepUpBeforeVoting())).isEmpty();
        assertThatThrownBy(() -> As.signedInAt(anHourAgo, "cleo", "EMERGENCY_COMMITTEE", () -> votes.vote(a.id(), true, null)))
                .isInstanceOf(FreshAuthenticationRequired.class);
        assertThat(c.find(a.id()).votes(VoteKind.ACTIVATE, 0)).extracting(ActivationVote::member).containsExactly("cade");

        for (String member : List.of("cleo", "celia", "cyrus")) { // three rejections end it, as a real committee would
            c.vote(member, a.id(), false, null);
        }
        c.awaitStatus(a.id(), ActivationStatus.REJECTED);
    }

    @Test
    void threeRejectionsEndItRejectedAndTheTreatyDeniesATriggerItDoesNotAuthorise() throws Exception {
        OnboardingRequest dataset = activeDataset("Vehicle register");
        ActivationTestSupport c = committee();
        EmergencyActivation rejected = c.trigger("cade", List.of(dataset.id()), true, null);
        c.awaitStatus(rejected.id(), ActivationStatus.VOTING);
        c.vote("cora", rejected.id(), false, null);
        c.vote("cleo", rejected.id(), false, null);
        c.vote("cyrus", rejected.id(), false, null);
        c.awaitStatus(rejected.id(), ActivationStatus.REJECTED);
        assertThatThrownBy(() -> c.vote("celia", rejected.id(), true, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("vote")).isEqualTo("No vote is open: the activation is REJECTED"));

        EmergencyActivation denied = c.trigger("cleo", List.of(dataset.id()), true, null);
        EmergencyActivation after = c.awaitStatus(denied.id(), ActivationStatus.DENIED);
        assertThat(after.decisionReasons()).singleElement().asString().startsWith("ACTIVATION_TRIGGER_NOT_AUTHORISED (ee-lu");
        assertThat(trail(after)).extracting(e -> e.action() + ":" + e.outcome())
                .containsSubsequence("POLICY_DECISION:DENY", "ACTIVATION_DENIED:DENIED");
    }

    @Test
    void badInputIsRefusedByFieldAndStartsNothing() {
        int before = As.user("aude", "AUDITOR", () -> activations.recent()).size();
        assertThatThrownBy(() -> As.user("cora", "EMERGENCY_COMMITTEE", () -> activations.trigger(new TriggerRequest(
                "no_such", "home-ee", null, "short", List.of("MARTIAL_LAW"), List.of(), true, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "agreement", "site", "emergencyType", "justification", "declarations"));
        assertThatThrownBy(() -> As.user("cora", "EMERGENCY_COMMITTEE", () -> activations.trigger(new TriggerRequest(
                "ee_lu", "embassy-lu", EmergencyType.OTHER_EMERGENCY, "A long enough justification", List.of(),
                List.of("not-a-dataset"), true, null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("datasets"))
                        .startsWith("Not an active dataset of ee_lu at embassy-lu"));
        assertThatThrownBy(() -> As.user("dora", "EMERGENCY_COMMITTEE", () -> activations.trigger(new TriggerRequest(
                "ee_lu", "embassy-lu", EmergencyType.OTHER_EMERGENCY, "A long enough justification", List.of(),
                List.of(), true, null)))).isInstanceOf(AccessDeniedException.class);
        assertThat(As.user("aude", "AUDITOR", () -> activations.recent())).hasSize(before);
    }
}
