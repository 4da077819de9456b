package org.dataembassy.portal.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cross-border transfers end to end: the real OPA judges each transfer against ee_lu (which covers embassy-lu,
 * not embassy-mc), the real Camunda job executor runs the steps, the real engine replicates and scrubs.
 */
@PortalIntegrationTest
class CrossBorderTransferIT {

    @Autowired
    CrossBorderTransfers transfers;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;

    private TransferRequest awaitStatus(String id, TransferStatus status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> As.user("dora", "DATA_OWNER", () -> transfers.find(id)).status() == status);
        return As.user("dora", "DATA_OWNER", () -> transfers.find(id));
    }

    @Test
    void aTransferToACoveredSiteIsReplicatedVerifiedAndEvidencedAndAnUncoveredSiteIsDenied() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks)
                .activeDataset(activation, "dora", "Vehicle register", List.of("embassy-lu"));

        TransferRequest covered = As.user("dora", "DATA_OWNER", () -> transfers.request(dataset.id(), "embassy-lu"));
        TransferRequest done = awaitStatus(covered.id(), TransferStatus.COMPLETED);
        assertThat(done.snapshotId()).isNotBlank();
        assertThat(done.decisionReasons()).isEmpty();
        SiteStatus lu = As.user("dora", "DATA_OWNER", () -> activation.replicas(dataset.id())).stream()
                .filter(s -> s.site().equals("embassy-lu")).findFirst().orElseThrow();
        assertThat(lu.lastVerifiedSnapshot()).isEqualTo(done.snapshotId());
        assertThat(As.user("aude", "AUDITOR", () -> audit.forSubject(done.subject())))
                .extracting(e -> e.action() + ":" + e.outcome())
                .containsSubsequence("TRANSFER_REQUESTED:REQUESTED", "POLICY_DECISION:ALLOW", "TRANSFER_COMPLETED:COMPLETED");

        TransferRequest uncovered = As.user("dora", "DATA_OWNER", () -> transfers.request(dataset.id(), "embassy-mc"));
        TransferRequest denied = awaitStatus(uncovered.id(), TransferStatus.DENIED);
        assertThat(denied.decisionReasons()).singleElement().asString().startsWith("SITE_NOT_COVERED (ee-lu");
        assertThat(denied.snapshotId()).isNull();
        assertThat(As.user("dora", "DATA_OWNER", () -> activation.replicas(dataset.id())).stream()
                .filter(s -> s.site().equals("embassy-mc")).findFirst().orElseThrow().snapshots()).isZero();
    }

    @Test
    void theScheduleStartsTransfersOnlyForReplicasOlderThanTheInterval() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks)
                .activeDataset(activation, "dora", "Tax register", List.of("embassy-lu"));
        List<TransferRequest> fresh = SystemAccount.callAs("system:scheduler",
                () -> transfers.scheduleDue(Duration.ofHours(1)));
        assertThat(fresh).noneMatch(t -> t.datasetId().equals(dataset.id())); // just replicated: within the hour

        List<TransferRequest> due = SystemAccount.callAs("system:scheduler",
                () -> transfers.scheduleDue(Duration.ZERO));
        TransferRequest scheduled = due.stream().filter(t -> t.datasetId().equals(dataset.id())).findFirst().orElseThrow();
        assertThat(scheduled.site()).isEqualTo("embassy-lu");
        assertThat(scheduled.requestedBy()).isEqualTo("system:scheduler");
        assertThat(As.user("aude", "AUDITOR", () -> transfers.find(scheduled.id())))
                .satisfies(t -> assertThat(t.purpose()).isEqualTo("replication"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                As.user("aude", "AUDITOR", () -> transfers.find(scheduled.id())).status() == TransferStatus.COMPLETED);
        List<TransferRequest> after = SystemAccount.callAs("system:scheduler",
                () -> transfers.scheduleDue(Duration.ofHours(1)));
        assertThat(after).noneMatch(t -> t.datasetId().equals(dataset.id())); // the transfer renewed the recovery point
    }

    @Test
    void badRequestsAreRefusedByFieldAndStartNothing() throws Exception {
        OnboardingRequest pending = new OnboardingSlice(onboarding, tasks).submit("dora",
                OnboardingSlice.application("Not yet active", Classification.INTERNAL, false));
        int before = As.user("dora", "DATA_OWNER", () -> transfers.mine()).size();
        assertThatThrownBy(() -> As.user("dora", "DATA_OWNER", () -> transfers.request(pending.id(), "home-ee")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors().get("dataset")).startsWith("Only an active dataset");
                    assertThat(e.fieldErrors().get("site")).startsWith("Choose an embassy site");
                });
        assertThatThrownBy(() -> As.user("dora", "DATA_OWNER", () -> transfers.request("no-such-id", "embassy-lu")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("dataset", "No dataset of yours with that id"));
        assertThat(As.user("dora", "DATA_OWNER", () -> transfers.mine())).hasSize(before);
    }
}
