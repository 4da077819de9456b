package org.dataembassy.portal.transfers.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.dataembassy.portal.support.ProcessCoverage;
import org.dataembassy.portal.transfers.CrossBorderTransferVariables;
import org.dataembassy.portal.workflow.TaskWentOverdue;
import org.dataembassy.portal.workflow.internal.RemindOverdueTaskDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the transfer model. The delegates' services are recorders here because this test is about the
 * model; the real delegates against the real OPA and replication engine run in CrossBorderTransferIT.
 */
@Deployment(resources = "bpmn/CrossBorderTransferProcess.bpmn")
class CrossBorderTransferProcessTests {

    /** Minimum share of the model's flow nodes and sequence flows that this class must pass through. */
    static final double MINIMUM_CLASS_COVERAGE = 0.9;

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessCoverage.assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE);

    private final List<String> calls = new ArrayList<>();
    private final List<TaskWentOverdue> overdue = new ArrayList<>();
    private String policyOutcome;
    private int replicationFailures;

    @BeforeEach
    void registerDelegates() {
        Mocks.register("evaluateTransferPolicyDelegate", (JavaDelegate) execution -> {
            calls.add("evaluate");
            if (policyOutcome == null) {
                throw new IllegalStateException("policy engine unavailable");
            }
            execution.setVariable(CrossBorderTransferVariables.POLICY_OUTCOME, policyOutcome);
        });
        Mocks.register("replicateTransferDelegate", (JavaDelegate) execution -> {
            calls.add("replicate");
            if (replicationFailures-- > 0) {
                throw new IllegalStateException("site unreachable");
            }
        });
        Mocks.register("verifyTransferDelegate", (JavaDelegate) execution -> calls.add("verify"));
        Mocks.register("completeTransferDelegate", (JavaDelegate) execution -> calls.add("evidence"));
        Mocks.register("denyTransferDelegate", (JavaDelegate) execution -> calls.add("deny"));
        Mocks.register("rejectTransferDelegate", (JavaDelegate) execution -> calls.add("reject"));
        Mocks.register("remindOverdueTaskDelegate", new RemindOverdueTaskDelegate(taskService(),
                event -> overdue.add((TaskWentOverdue) event)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(CrossBorderTransferVariables.PROCESS_ID, "transfer:t1",
                Map.of(CrossBorderTransferVariables.TRANSFER_ID, "t1"));
    }

    private void runJobs(ProcessInstance instance, int count) {
        for (int i = 0; i < count; i++) {
            execute(job(instance));
        }
    }

    @Test
    void anAllowedTransferIsReplicatedVerifiedAndEvidenced() {
        policyOutcome = "ALLOW";
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_EvaluateTransferPolicy");
        runJobs(instance, 4);
        assertThat(instance).hasNotPassed("Task_TransferReview").isEnded().hasPassed("EndEvent_TransferCompleted");
        assertThat(calls).containsExactly("evaluate", "replicate", "verify", "evidence");
    }

    @Test
    void aDeniedTransferIsBlockedAndNothingMoves() {
        policyOutcome = "DENY";
        ProcessInstance instance = start();
        runJobs(instance, 2);
        assertThat(instance).isEnded().hasPassed("EndEvent_TransferDenied").hasNotPassed("Task_ReplicateTransfer");
        assertThat(calls).containsExactly("evaluate", "deny");
    }

    @Test
    void aReviewedTransferMovesOnlyAfterApproval() {
        policyOutcome = "REVIEW_REQUIRED";
        ProcessInstance instance = start();
        runJobs(instance, 1);
        assertThat(instance).isWaitingAt("Task_TransferReview");
        assertThat(task(instance)).hasCandidateGroup("LEGAL_OFFICER").hasFormKey("transfers/review");
        assertThat(task(instance).getDueDate()).isNotNull();
        assertThat(calls).containsExactly("evaluate");
        complete(task(instance), Map.of(CrossBorderTransferVariables.REVIEW_APPROVED, true));
        runJobs(instance, 3);
        assertThat(instance).hasPassed("Gateway_TransferReviewOutcome").isEnded()
                .hasPassed("EndEvent_TransferCompleted");
        assertThat(calls).containsExactly("evaluate", "replicate", "verify", "evidence");
    }

    @Test
    void aRejectedReviewEndsTheTransfer() {
        policyOutcome = "REVIEW_REQUIRED";
        ProcessInstance instance = start();
        runJobs(instance, 1);
        complete(task(instance), Map.of(CrossBorderTransferVariables.REVIEW_APPROVED, false));
        runJobs(instance, 1);
        assertThat(instance).isEnded().hasPassed("EndEvent_TransferRejected").hasNotPassed("Task_ReplicateTransfer");
        assertThat(calls).containsExactly("evaluate", "reject");
    }

    @Test
    void anUnavailablePolicyEngineLeavesTheJobForRetryAndNeverMovesData() {
        policyOutcome = null;
        ProcessInstance instance = start();
        assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("unavailable");
        assertThat(instance).isWaitingAt("Task_EvaluateTransferPolicy");
        assertThat(job(instance).getRetries()).isEqualTo(4);
        assertThat(calls).containsExactly("evaluate");
    }

    @Test
    void aFailedReplicationIsRetriedAndVerificationFollowsOnlyASuccess() {
        policyOutcome = "ALLOW";
        replicationFailures = 1;
        ProcessInstance instance = start();
        runJobs(instance, 1);
        assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("site unreachable");
        assertThat(instance).isWaitingAt("Task_ReplicateTransfer");
        runJobs(instance, 1);
        assertThat(instance).isWaitingAt("Task_VerifyTransfer");
        assertThat(calls).containsExactly("evaluate", "replicate", "replicate");
    }

    @Test
    void aReviewWaitingTwoDaysIsAnnouncedOverdueAndStaysOpen() {
        policyOutcome = "REVIEW_REQUIRED";
        ProcessInstance instance = start();
        runJobs(instance, 1);
        execute(job("BoundaryEvent_TransferReviewReminder", instance));
        execute(job("Task_RemindTransferReview", instance));
        assertThat(instance).hasPassed("EndEvent_TransferReviewReminded").isWaitingAt("Task_TransferReview");
        assertThat(overdue).singleElement().satisfies(event -> {
            assertThat(event.taskId()).isEqualTo(task(instance).getId());
            assertThat(event.taskName()).isEqualTo("Review transfer");
            assertThat(event.businessKey()).isEqualTo(instance.getBusinessKey());
            assertThat(event.candidateGroups()).isEqualTo("LEGAL_OFFICER");
            assertThat(event.waited()).isEqualTo("P2D");
        });
    }

    @Test
    void aReviewDecidedBeforeItsReminderRunsIsNotAnnounced() {
        policyOutcome = "REVIEW_REQUIRED";
        ProcessInstance instance = start();
        runJobs(instance, 1);
        execute(job("BoundaryEvent_TransferReviewReminder", instance));
        complete(task(instance), Map.of(CrossBorderTransferVariables.REVIEW_APPROVED, false));
        execute(job("Task_RemindTransferReview", instance));
        assertThat(overdue).isEmpty();
        assertThat(instance).hasPassed("EndEvent_TransferReviewReminded");
    }
}
