package org.dataembassy.portal.datasets.process;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.dataembassy.portal.datasets.DatasetOnboardingVariables;
import org.dataembassy.portal.policy.PolicyEngineUnavailableException;
import org.dataembassy.portal.support.ProcessCoverage;
import org.dataembassy.portal.workflow.TaskWentOverdue;
import org.dataembassy.portal.workflow.internal.RemindOverdueTaskDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the onboarding model. The delegates' services are replaced by recorders here because this
 * test is about the model's paths; the real delegates against the real OPA run in OnboardingSliceIT.
 *
 * <p>The coverage extension is the process engine extension (it extends ProcessEngineExtension) and records which
 * flow nodes and sequence flows the tests passed. After the class it writes the report to
 * target/process-test-coverage/ and fails the class below 90% flow-node coverage (issue 5).
 */
@Deployment(resources = "bpmn/DatasetOnboardingProcess.bpmn")
class DatasetOnboardingProcessTests {

    /** Minimum share of the model's flow nodes that this class must pass through. */
    static final double MINIMUM_CLASS_COVERAGE = 0.9;

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessCoverage.assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE);

    private final List<String> calls = new ArrayList<>();
    private final List<TaskWentOverdue> overdue = new ArrayList<>();
    private String policyOutcome;
    private int replicationFailures;

    @BeforeEach
    void registerDelegates() {
        Mocks.register("evaluateOnboardingPolicyDelegate", (JavaDelegate) execution -> {
            calls.add("evaluate");
            if (policyOutcome == null) {
                throw new PolicyEngineUnavailableException("down");
            }
            execution.setVariable(DatasetOnboardingVariables.POLICY_OUTCOME, policyOutcome);
        });
        Mocks.register("acceptOnboardingDelegate", (JavaDelegate) execution -> calls.add("accept"));
        Mocks.register("rejectOnboardingDelegate", (JavaDelegate) execution -> calls.add("reject"));
        Mocks.register("escalateOnboardingReviewDelegate", (JavaDelegate) execution -> calls.add("escalate"));
        Mocks.register("replicateDatasetDelegate", (JavaDelegate) execution -> {
            calls.add("replicate");
            if (replicationFailures-- > 0) {
                throw new IllegalStateException("site unreachable");
            }
        });
        Mocks.register("verifyDatasetDelegate", (JavaDelegate) execution -> calls.add("verify"));
        Mocks.register("activateDatasetDelegate", (JavaDelegate) execution -> calls.add("activate"));
        Mocks.register("remindOverdueTaskDelegate", new RemindOverdueTaskDelegate(taskService(),
                event -> overdue.add((TaskWentOverdue) event)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(DatasetOnboardingVariables.PROCESS_ID, "onboarding-request:r1",
                Map.of(DatasetOnboardingVariables.REQUEST_ID, "r1"));
    }

    @Test
    void waitsAsynchronouslyBeforeAskingThePolicy() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_EvaluateOnboardingPolicy");
        assertThat(calls).isEmpty();
    }

    @Test
    void acceptsWhenThePolicyAllows() {
        policyOutcome = "ALLOW";
        ProcessInstance instance = start();
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_AcceptOnboarding");
        execute(job(instance));
        assertThat(instance).hasNotPassed("Task_LegalReview").isWaitingAt("Task_SecurityApproval");
        assertThat(task(instance)).hasCandidateGroup("SECURITY_OFFICER").hasFormKey("datasets/keys");
        assertThat(task(instance).getDueDate()).isNotNull();
        assertThat(calls).containsExactly("evaluate", "accept");
    }

    @Test
    void approvedKeysLeadToReplicationVerificationAndAnActiveDataset() {
        policyOutcome = "ALLOW";
        ProcessInstance instance = start();
        execute(job(instance));
        execute(job(instance));
        complete(task(instance), Map.of(DatasetOnboardingVariables.KEYS_APPROVED, true));
        assertThat(instance).isWaitingAt("Task_InitialReplication");
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_VerifyReplicas");
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).hasPassed("Gateway_KeysApproved", "Task_InitialReplication", "Task_VerifyReplicas",
                "Task_ActivateDataset").isEnded().hasPassed("EndEvent_Active");
        assertThat(calls).containsExactly("evaluate", "accept", "replicate", "verify", "activate");
    }

    @Test
    void aFailedReplicationStaysOnItsStepForRetryAndNeverSkipsVerification() {
        policyOutcome = "ALLOW";
        replicationFailures = 1;
        ProcessInstance instance = start();
        execute(job(instance));
        execute(job(instance));
        complete(task(instance), Map.of(DatasetOnboardingVariables.KEYS_APPROVED, true));
        Assertions.assertThatThrownBy(() -> execute(job(instance)))
                .hasMessageContaining("site unreachable");
        assertThat(instance).isWaitingAt("Task_InitialReplication");
        assertThat(job(instance).getRetries()).isEqualTo(4); // R5/PT30S: four more tries
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_VerifyReplicas");
        assertThat(calls).containsExactly("evaluate", "accept", "replicate", "replicate");
    }

    @Test
    void refusedKeysRejectTheRequest() {
        policyOutcome = "ALLOW";
        ProcessInstance instance = start();
        execute(job(instance));
        execute(job(instance));
        complete(task(instance), Map.of(DatasetOnboardingVariables.KEYS_APPROVED, false));
        execute(job(instance));
        assertThat(instance).hasPassed("Gateway_KeysApproved").hasNotPassed("Task_InitialReplication").isEnded()
                .hasPassed("EndEvent_Rejected");
        assertThat(calls).containsExactly("evaluate", "accept", "reject");
    }

    @Test
    void rejectsWhenThePolicyDenies() {
        policyOutcome = "DENY";
        ProcessInstance instance = start();
        execute(job(instance));
        execute(job(instance));
        assertThat(instance).hasNotPassed("Task_LegalReview").isEnded().hasPassed("EndEvent_Rejected");
        assertThat(calls).containsExactly("evaluate", "reject");
    }

    @Test
    void asksALegalOfficerWhenReviewIsRequiredAndAcceptsOnApproval() {
        policyOutcome = "REVIEW_REQUIRED";
        ProcessInstance instance = start();
        execute(job(instance));
        assertThat(instance).isWaitingAt("Task_LegalReview");
        assertThat(task(instance)).hasCandidateGroup("LEGAL_OFFICER").hasFormKey("datasets/review");
        assertThat(task(instance).getDueDate()).isNotNull();
        complete(task(instance), Map.of(DatasetOnboardingVariables.REVIEW_APPROVED, true));
        execute(job(instance));
        assertThat(instance).hasPassed("Task_LegalReview", "Gateway_ReviewOutcome").isWaitingAt("Task_SecurityApproval");
        assertThat(calls).containsExactly("evaluate", "accept");
    }

    @Test
    void rejectsWhenTheLegalOfficerRejects() {
        policyOutcome = "REVIEW_REQUIRED";
        ProcessInstance instance = start();
        execute(job(instance));
        complete(task(instance), Map.of(DatasetOnboardingVariables.REVIEW_APPROVED, false));
        execute(job(instance));
        assertThat(instance).hasPassed("Task_LegalReview", "Gateway_ReviewOutcome").isEnded().hasPassed("EndEvent_Rejected");
        assertThat(calls).containsExactly("evaluate", "reject");
    }

    @Test
    void escalatesAnOverdueReviewAndKeepsTheTaskOpen() {
        policyOutcome = "REVIEW_REQUIRED";
        ProcessInstance instance = start();
        execute(job(instance));
        execute(job("BoundaryEvent_ReviewReminder", instance));
        execute(job("Task_EscalateReview", instance));
        assertThat(instance).hasPassed("EndEvent_ReviewEscalated").isWaitingAt("Task_LegalReview");
        assertThat(calls).containsExactly("evaluate", "escalate");
    }

    @Test
    void anUnavailablePolicyEngineLeavesTheJobForRetryAndNeverDecides() {
        policyOutcome = null;
        ProcessInstance instance = start();
        try {
            execute(job(instance));
        } catch (RuntimeException expected) {
            // the engine records the failure and keeps the job
        }
        assertThat(instance).isWaitingAt("Task_EvaluateOnboardingPolicy").isNotEnded();
        var job = job(instance);
        assertThat(job.getRetries()).as("retries left under R5/PT30S").isPositive();
        assertThat(job.getExceptionMessage()).contains("down");
        assertThat(job.getDuedate()).as("retried later, not at once").isInTheFuture();
        assertThat(calls).containsExactly("evaluate");
    }

    @Test
    void aKeyApprovalWaitingTwoDaysIsAnnouncedOverdueAndStaysOpen() {
        policyOutcome = "ALLOW";
        ProcessInstance instance = start();
        execute(job(instance));
        execute(job(instance));
        execute(job("BoundaryEvent_SecurityApprovalReminder", instance));
        execute(job("Task_RemindSecurityApproval", instance));
        assertThat(instance).hasPassed("EndEvent_SecurityApprovalReminded").isWaitingAt("Task_SecurityApproval");
        assertThat(overdue).singleElement().satisfies(event -> {
            assertThat(event.candidateGroups()).isEqualTo("SECURITY_OFFICER");
            assertThat(event.waited()).isEqualTo("P2D");
            assertThat(event.businessKey()).isEqualTo("onboarding-request:r1");
        });
    }
}
