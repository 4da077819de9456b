package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import org.camunda.bpm.engine.ProcessEngine;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.FailingProbe;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Process pages' data from real onboarding instances (real OPA decides, the real job executor runs the steps): the
 * path taken derived from Camunda's history, where an instance waits, its details and audit entries, and who is
 * refused.
 */
@PortalIntegrationTest
class ProcessInstancesIT {

    @Autowired
    ProcessInstances processes;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    WorkTasks tasks;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    CrossBorderTransfers transfers;
    @Autowired
    ProcessEngine camunda;

    private OnboardingSlice slice() {
        return new OnboardingSlice(onboarding, tasks);
    }

    private ProcessInstanceDetails asAuditor(String instanceId) {
        return As.user("aude", "AUDITOR", () -> processes.find(instanceId));
    }

    @Test
    void aFinishedRejectedOnboardingShowsTheDenyPathAndNothingCurrent() {
        OnboardingRequest request = slice().submit("dora",
                OnboardingSlice.application("Secret register " + System.nanoTime(), Classification.TOP_SECRET, false));
        slice().awaitStatus("dora", request.id(), OnboardingStatus.REJECTED);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> asAuditor(request.processInstanceId()).instance().state() == ProcessState.COMPLETED);

        ProcessInstanceDetails page = asAuditor(request.processInstanceId());

        assertThat(page.instance().businessKey()).isEqualTo(request.subject());
        assertThat(page.instance().processName()).isEqualTo("Dataset onboarding");
        assertThat(page.instance().endedAt()).isNotNull();
        assertThat(page.current()).isEmpty();
        assertThat(page.taken()).containsExactly("SequenceFlow_ToPolicy", "SequenceFlow_ToPolicyGateway",
                "SequenceFlow_Denied", "SequenceFlow_ToRejected");
        assertThat(page.completed()).contains("StartEvent_OnboardingRequested", "Task_EvaluateOnboardingPolicy",
                "Gateway_PolicyOutcome", "Task_RejectOnboarding", "EndEvent_Rejected")
                .doesNotContain("Task_AcceptOnboarding", "Task_LegalReview");
        assertThat(page.modelXml()).contains("id=\"DatasetOnboardingProcess\"");
        assertThat(page.incidents()).isEmpty();
    }

    @Test
    void anInstanceWaitingAfterAReviewShowsTheReviewPathTheCurrentTaskDetailsAndAuditEntries() {
        String name = "Population register " + System.nanoTime();
        OnboardingRequest request = slice().submit("dora", OnboardingSlice.application(name, Classification.CONFIDENTIAL, true));
        WorkTask review = slice().awaitReviewTask("lola", request.id());
        As.run("lola", "LEGAL_OFFICER", () -> onboarding.review(review.id(), true, "Legal basis confirmed"));
        slice().awaitTask("sam", "SECURITY_OFFICER", request.id());

        ProcessInstanceDetails page = As.user("dora", "DATA_OWNER", () -> processes.find(request.processInstanceId()));

        assertThat(page.instance().state()).isEqualTo(ProcessState.RUNNING);
        assertThat(page.current()).containsExactly("Task_SecurityApproval");
        // Accept has two incoming flows; it was reached through the review, not directly from the rules
        assertThat(page.taken()).containsExactly("SequenceFlow_ToPolicy", "SequenceFlow_ToPolicyGateway",
                "SequenceFlow_ReviewRequired", "SequenceFlow_ToReviewGateway", "SequenceFlow_ReviewApproved",
                "SequenceFlow_ToAccepted");
        assertThat(page.completed()).contains("Task_LegalReview", "Task_AcceptOnboarding")
                .doesNotContain("Task_SecurityApproval");
        assertThat(page.details()).contains(new ProcessDetail("Dataset", name), new ProcessDetail("Requested by", "dora"),
                new ProcessDetail("Status", "ACCEPTED"));
        assertThat(page.details()).extracting(ProcessDetail::label).doesNotContain("Source folder");
        assertThat(page.auditTrail()).allMatch(e -> e.subject().equals(request.subject()))
                .extracting(AuditEntry::action)
                .containsSubsequence("ONBOARDING_REQUESTED", "TASK_CREATED", "TASK_COMPLETED", "ONBOARDING_REVIEWED");
    }

    @Test
    void onlyThoseTakingPartSeeAnInstance() {
        OnboardingRequest request = slice().submit("dora",
                OnboardingSlice.application("Land register " + System.nanoTime(), Classification.CONFIDENTIAL, true));
        slice().awaitReviewTask("lola", request.id());
        String id = request.processInstanceId();

        assertThat(As.user("lola", "LEGAL_OFFICER", () -> processes.find(id)).current()).containsExactly("Task_LegalReview");
        assertThat(As.user("sam", "SECURITY_OFFICER", () -> processes.find(id)).instance().id()).isEqualTo(id);
        assertThat(As.user("ada", "ADMIN", () -> processes.find(id)).instance().id()).isEqualTo(id);
        assertThatThrownBy(() -> As.user("dan", "DATA_OWNER", () -> processes.find(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user("cora", "EMERGENCY_COMMITTEE", () -> processes.find(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user("dora", "DATA_OWNER", () -> processes.list(null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user("aude", "AUDITOR", () -> processes.find("no-such-instance")))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void theListFiltersByProcessAndState() {
        OnboardingRequest request = slice().submit("dora",
                OnboardingSlice.application("Tax register " + System.nanoTime(), Classification.CONFIDENTIAL, true));
        slice().awaitReviewTask("lola", request.id());

        assertThat(As.user("aude", "AUDITOR", () -> processes.list("DatasetOnboardingProcess", ProcessState.RUNNING)))
                .extracting(ProcessInstanceSummary::id).contains(request.processInstanceId());
        assertThat(As.user("aude", "AUDITOR", () -> processes.list("DatasetOnboardingProcess", ProcessState.COMPLETED)))
                .extracting(ProcessInstanceSummary::id).doesNotContain(request.processInstanceId());
        assertThat(As.user("ada", "ADMIN", () -> processes.list("CrossBorderTransferProcess", null)))
                .extracting(ProcessInstanceSummary::id).doesNotContain(request.processInstanceId());
        assertThat(As.user("ada", "ADMIN", () -> processes.processes()))
                .containsEntry("DatasetOnboardingProcess", "Dataset onboarding");
    }

    @Test
    void aCompletedTransferShowsTheAllowPathAndItsEvidenceToItsOwnerOnly() throws Exception {
        String name = "Vehicle register " + System.nanoTime();
        OnboardingRequest dataset = slice().activeDataset(activation, "dora", name, List.of("embassy-lu"));
        TransferRequest transfer = As.user("dora", "DATA_OWNER", () -> transfers.request(dataset.id(), "embassy-lu"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> asAuditor(transfer.processInstanceId()).instance().state() == ProcessState.COMPLETED);

        ProcessInstanceDetails page = As.user("dora", "DATA_OWNER", () -> processes.find(transfer.processInstanceId()));

        assertThat(page.instance().processName()).isEqualTo("Cross-border transfer");
        // "Replicate" has two incoming flows (allow, review approved): the rules allowed it directly
        assertThat(page.taken()).containsExactly("SequenceFlow_ToPolicy", "SequenceFlow_ToPolicyGateway",
                "SequenceFlow_Allowed", "SequenceFlow_ToVerify", "SequenceFlow_ToEvidence", "SequenceFlow_ToCompleted");
        assertThat(page.completed()).contains("Task_ReplicateTransfer", "Task_VerifyTransfer", "EndEvent_TransferCompleted")
                .doesNotContain("Task_TransferReview", "Task_DenyTransfer");
        assertThat(page.current()).isEmpty();
        assertThat(page.details()).contains(new ProcessDetail("Dataset", name), new ProcessDetail("Embassy site", "embassy-lu"),
                new ProcessDetail("Status", "COMPLETED"));
        assertThat(page.details()).extracting(ProcessDetail::label).contains("Verified snapshot");
        assertThat(page.auditTrail()).extracting(AuditEntry::action)
                .containsSubsequence("TRANSFER_REQUESTED", "POLICY_DECISION", "TRANSFER_COMPLETED");
        // security officers take no part in the transfer process; other data owners do not own it
        assertThatThrownBy(() -> As.user("sam", "SECURITY_OFFICER", () -> processes.find(transfer.processInstanceId())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user("dan", "DATA_OWNER", () -> processes.find(transfer.processInstanceId())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aFailedStepIsShownAsAnIncidentAtItsActivity() {
        String id = FailingProbe.start(camunda);
        ProcessInstanceDetails page = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> asAuditor(id), p -> !p.incidents().isEmpty());

        assertThat(page.incidents()).singleElement().satisfies(i -> {
            assertThat(i.activityId()).isEqualTo("Task_NeedsOk");
            assertThat(i.activityName()).isEqualTo("Needs ok");
            assertThat(i.message()).contains("ok").doesNotContain("\n");
        });
        assertThat(page.current()).containsExactly("Task_NeedsOk");
        assertThat(page.completed()).containsExactly("StartEvent_Probe");
        assertThat(page.taken()).hasSize(1);
        assertThat(page.details()).isEmpty(); // no module owns "probe:" keys
        // nobody takes part in it and nobody owns it: only administrators and auditors see it
        assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> processes.find(id)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user("dora", "DATA_OWNER", () -> processes.find(id)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
