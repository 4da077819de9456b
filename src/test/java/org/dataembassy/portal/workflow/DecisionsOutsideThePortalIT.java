package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.NewAgreement;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.jurisdiction.EventKind;
import org.dataembassy.portal.jurisdiction.JurisdictionEventReport;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.jurisdiction.JurisdictionReviewVariables;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.jurisdiction.ReviewStatus;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.dataembassy.portal.transfers.CrossBorderTransferVariables;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;
import org.dataembassy.portal.transfers.TransferStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Defence in depth behind the web-app lockdown: a decision taken on the engine directly — a review task completed
 * with "approved", an instance started at the replication step, an assessment task completed with "suspend" —
 * reaches the step that would act on it, and that step finds no recorded decision by an eligible person in the
 * portal's tables: it refuses (audited STEP_REFUSED, the job fails and becomes an incident), and nothing is
 * accepted, replicated or suspended.
 */
@PortalIntegrationTest
class DecisionsOutsideThePortalIT {

    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    CrossBorderTransfers transfers;
    @Autowired
    JurisdictionReviews reviews;
    @Autowired
    AgreementRegistry registry;
    @Autowired
    WorkTasks tasks;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    AuditTrail audit;

    @Test
    void aReviewTaskCompletedOnTheEngineDoesNotAcceptTheRequest() {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Bypass " + System.nanoTime(),
                Classification.CONFIDENTIAL, true));
        WorkTask review = slice.awaitReviewTask("lola", request.id());
        taskService.complete(review.id(), Map.of("reviewApproved", true)); // what Tasklist's REST call did

        String instance = As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).processInstanceId();
        Job failed = awaitFailedJob(instance);
        assertThat(failed.getExceptionMessage()).contains("Accept request refused")
                .contains("the treaty rules required a review and none is recorded");
        assertThat(As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).status())
                .isEqualTo(OnboardingStatus.IN_REVIEW);
        assertThat(refusals(request.subject())).isNotEmpty().allSatisfy(e ->
                assertThat(e.details()).startsWith("Accept request: "));
        runtime.deleteProcessInstance(instance, "test cleanup");
    }

    @Test
    void aTransferStartedAtTheReplicationStepIsNotReplicated() throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest dataset = slice.activeDataset(activation, "dora", "Bypass transfer " + System.nanoTime(),
                List.of("embassy-lu"));
        // embassy-mc is not covered by ee_lu: the rules deny it
        TransferRequest denied = As.user("dora", "DATA_OWNER", () -> transfers.request(dataset.id(), "embassy-mc"));
        await().atMost(Duration.ofSeconds(30)).until(() -> As.user("dora", "DATA_OWNER",
                () -> transfers.find(denied.id())).status() == TransferStatus.DENIED);
        String forged = runtime.createProcessInstanceByKey(CrossBorderTransferVariables.PROCESS_ID)
                .businessKey(denied.subject()).setVariable(CrossBorderTransferVariables.TRANSFER_ID, denied.id())
                .setVariable(CrossBorderTransferVariables.POLICY_OUTCOME, "ALLOW")
                .startBeforeActivity("Task_ReplicateTransfer").execute().getId();

        Job failed = awaitFailedJob(forged);
        assertThat(failed.getExceptionMessage()).contains("refused")
                .contains("recorded outcome: DENY");
        TransferRequest after = As.user("dora", "DATA_OWNER", () -> transfers.find(denied.id()));
        assertThat(after.status()).isEqualTo(TransferStatus.DENIED);
        assertThat(after.snapshotId()).isNull();
        assertThat(refusals(denied.subject())).isNotEmpty();
        runtime.deleteProcessInstance(forged, "test cleanup");
    }

    @Test
    void anAssessmentTaskCompletedOnTheEngineDoesNotSuspendTheAgreement() {
        String key = agreementInForce();
        JurisdictionReview started = As.user("lola", "LEGAL_OFFICER", () -> reviews.report(new JurisdictionEventReport(
                key, EventKind.COURT_ORDER, "Reported for the bypass test", null)));
        String subject = JurisdictionReview.subject(started.id());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                taskService.createTaskQuery().processInstanceBusinessKey(subject).count() == 1);
        String task = taskService.createTaskQuery().processInstanceBusinessKey(subject).singleResult().getId();
        taskService.complete(task, Map.of(JurisdictionReviewVariables.ASSESSMENT_OUTCOME, "SUSPEND"));

        JurisdictionReview review = As.user("aude", "AUDITOR", () -> reviews.find(started.id()));
        Job failed = awaitFailedJob(review.processInstanceId());
        assertThat(failed.getExceptionMessage()).contains("Suspend the agreement refused")
                .contains("no assessment is recorded");
        assertThat(As.user("aude", "AUDITOR", () -> reviews.find(started.id())).status())
                .isEqualTo(ReviewStatus.IN_ASSESSMENT);
        assertThat(As.user("aude", "AUDITOR", () -> registry.standings()).stream()
                .filter(s -> s.key().equals(key)).findFirst().orElseThrow().lifecycle()).isEqualTo("IN_FORCE");
        assertThat(refusals(subject)).isNotEmpty();
        runtime.deleteProcessInstance(review.processInstanceId(), "test cleanup");
    }

    private Job awaitFailedJob(String instance) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                management.createJobQuery().processInstanceId(instance).withException().count() > 0);
        return management.createJobQuery().processInstanceId(instance).withException().list().get(0);
    }

    private List<AuditEntry> refusals(String subject) {
        return As.user("aude", "AUDITOR", () -> audit.forSubject(subject)).stream()
                .filter(e -> e.action().equals("STEP_REFUSED")).toList();
    }

    private String agreementInForce() {
        String suffix = TestAgreements.suffix();
        AgreementVersion v1 = As.user("lola", "LEGAL_OFFICER", () -> registry.create(
                NewAgreement.fromTemplate("ee_lu", "EE", "LU", "Bypass test " + suffix, "test", suffix)));
        String key = v1.agreementKey();
        String terms = TestAgreements.inForce(v1.termsJson(), "\"INTERNAL\"");
        As.run("lola", "LEGAL_OFFICER", () -> {
            registry.save(key, 1, new DraftContent(terms, v1.regoSource(), v1.testsSource(), "in force"));
            registry.submit(key, 1);
        });
        As.run("leo", "LEGAL_OFFICER", () -> registry.approve(key, 1, "matches the treaty"));
        As.run("lola", "LEGAL_OFFICER", () -> registry.publish(key, 1));
        return key;
    }
}
