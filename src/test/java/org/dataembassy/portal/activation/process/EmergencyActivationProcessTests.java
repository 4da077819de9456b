package org.dataembassy.portal.activation.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.dataembassy.portal.activation.CommitteeVotes;
import org.dataembassy.portal.activation.EmergencyActivationVariables;
import org.dataembassy.portal.policy.PolicyEngineUnavailableException;
import org.dataembassy.portal.support.ProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the activation model. The delegates' services are recorders here because this test is about the
 * model; the real delegates against the real OPA, replication engine and vote counting run in
 * EmergencyActivationIT and ActivationQuorumConcurrencyIT.
 */
@Deployment(resources = "bpmn/EmergencyActivationProcess.bpmn")
class EmergencyActivationProcessTests {

    /** Minimum share of the model's flow nodes and sequence flows that this class must pass through. */
    static final double MINIMUM_CLASS_COVERAGE = 0.9;

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessCoverage.assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE);

    private final List<String> calls = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private Instant noticeDue = Instant.now().plusSeconds(2 * 3600);

    @BeforeEach
    void registerDelegates() {
        Mocks.register("evaluateActivationConditionsDelegate", policy("conditions"));
        Mocks.register("evaluateActivationQuorumDelegate", policy("quorum"));
        Mocks.register("notifyHostStateDelegate", (JavaDelegate) execution -> {
            calls.add("notify");
            execution.setVariable(EmergencyActivationVariables.NOTICE_DUE, Date.from(noticeDue));
        });
        Mocks.register("releaseStateKeyDelegate", recorder("release"));
        Mocks.register("restoreForServiceDelegate", recorder("restore"));
        Mocks.register("declareActiveDelegate", recorder("active"));
        Mocks.register("escalateOverdueNoticeDelegate", recorder("escalate"));
        Mocks.register("deactivateDelegate", recorder("deactivate"));
        Mocks.register("denyActivationDelegate", recorder("deny"));
        Mocks.register("rejectActivationDelegate", recorder("reject"));
    }

    private JavaDelegate recorder(String name) {
        return execution -> calls.add(name);
    }

    /** Answers with the next queued outcome; an empty queue is an unavailable engine (the step must retry). */
    private JavaDelegate policy(String name) {
        return execution -> {
            calls.add(name);
            if (outcomes.isEmpty()) {
                throw new PolicyEngineUnavailableException("policy engine unavailable; the step will be retried");
            }
            execution.setVariable(EmergencyActivationVariables.POLICY_OUTCOME, outcomes.remove(0));
        };
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(EmergencyActivationVariables.PROCESS_ID, "activation:a1",
                Map.of(EmergencyActivationVariables.ACTIVATION_ID, "a1"));
    }

    private void runJobs(ProcessInstance instance, int count) {
        for (int i = 0; i < count; i++) {
            execute(job(instance));
        }
    }

    private static void correlate(String message, ProcessInstance instance) {
        runtimeService().createMessageCorrelation(message).processInstanceId(instance.getId()).correlateWithResult();
    }

    private ProcessInstance activeInstance() {
        outcomes.addAll(List.of("ALLOW", "ALLOW"));
        ProcessInstance instance = start();
        runJobs(instance, 1);
        assertThat(instance).isWaitingAt("Gateway_AwaitQuorum");
        correlate(CommitteeVotes.QUORUM_REACHED, instance);
        runJobs(instance, 5);
        return instance;
    }

    @Test
    void aPermittedActivationWithAQuorumIsNotifiedUnsealedRestoredActiveAndThenStoodDown() {
        ProcessInstance instance = activeInstance();
        assertThat(calls).containsExactly("conditions", "notify", "quorum", "release", "restore", "active");
        assertThat(instance).isWaitingAt("Task_ConfirmNotice", "Event_StandDownReached");
        assertThat(task(instance)).hasCandidateGroup("EMERGENCY_COMMITTEE").hasFormKey("activation");
        assertThat(task(instance).getDueDate()).isEqualTo(Date.from(noticeDue));

        complete(task(instance));
        assertThat(instance).hasPassed("EndEvent_NoticeConfirmed").isWaitingAt("Event_StandDownReached");
        correlate(CommitteeVotes.STAND_DOWN_REACHED, instance);
        execute(job("Task_Deactivate", instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_StoodDown").hasNotPassed("Task_EscalateOverdueNotice");
        assertThat(calls).endsWith("active", "deactivate");
    }

    @Test
    void anUnconfirmedNoticeIsEscalatedAtTheDeadlineWhileTheEmbassyStaysActive() {
        ProcessInstance instance = activeInstance();
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(noticeDue));
        execute(timer);
        execute(job("Task_EscalateOverdueNotice", instance));
        assertThat(instance).hasPassed("EndEvent_NoticeEscalated").isWaitingAt("Task_ConfirmNotice", "Event_StandDownReached");
        assertThat(calls).endsWith("active", "escalate");

        correlate(CommitteeVotes.STAND_DOWN_REACHED, instance);
        execute(job("Task_Deactivate", instance));
        complete(task(instance));
        assertThat(instance).isEnded().hasPassed("EndEvent_StoodDown", "EndEvent_NoticeConfirmed");
    }

    @Test
    void conditionsTheTreatyDoesNotPermitEndDeniedBeforeAnyVote() {
        outcomes.add("DENY");
        ProcessInstance instance = start();
        runJobs(instance, 2);
        assertThat(instance).isEnded().hasPassed("EndEvent_ActivationDenied").hasNotPassed("Gateway_AwaitQuorum");
        assertThat(calls).containsExactly("conditions", "deny");
    }

    @Test
    void aReviewAnswerIsNoAllowAndEndsDenied() {
        outcomes.add("REVIEW_REQUIRED");
        ProcessInstance instance = start();
        runJobs(instance, 2);
        assertThat(instance).isEnded().hasPassed("EndEvent_ActivationDenied");
    }

    @Test
    void enoughRejectionsEndTheActivationRejectedWithoutTouchingKeysOrData() {
        outcomes.add("ALLOW");
        ProcessInstance instance = start();
        runJobs(instance, 1);
        correlate(CommitteeVotes.QUORUM_FAILED, instance);
        runJobs(instance, 1);
        assertThat(instance).isEnded().hasPassed("EndEvent_ActivationRejected").hasNotPassed("Task_NotifyHostState");
        assertThat(calls).containsExactly("conditions", "reject");
    }

    @Test
    void theTreatyRefusingTheQuorumEndsDeniedWithoutReleasingTheKey() {
        outcomes.addAll(List.of("ALLOW", "DENY"));
        ProcessInstance instance = start();
        runJobs(instance, 1);
        correlate(CommitteeVotes.QUORUM_REACHED, instance);
        runJobs(instance, 3);
        assertThat(instance).isEnded().hasPassed("EndEvent_ActivationDenied").hasNotPassed("Task_ReleaseStateKey");
        assertThat(calls).containsExactly("conditions", "notify", "quorum", "deny");
    }

    @Test
    void anUnavailablePolicyEngineLeavesTheJobForRetryAndNeverOpensTheVote() {
        ProcessInstance instance = start();
        assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("unavailable");
        assertThat(instance).isWaitingAt("Task_EvaluateActivationConditions");
        assertThat(job(instance).getRetries()).isEqualTo(4);
        assertThat(instance).hasNotPassed("Gateway_AwaitQuorum");
    }

    @Test
    void aQuorumMessageIsTakenOnceASecondFindsNothingToCorrelate() {
        outcomes.add("ALLOW");
        ProcessInstance instance = start();
        runJobs(instance, 1);
        correlate(CommitteeVotes.QUORUM_REACHED, instance);
        assertThatThrownBy(() -> correlate(CommitteeVotes.QUORUM_REACHED, instance))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThatThrownBy(() -> correlate(CommitteeVotes.QUORUM_FAILED, instance))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(instance).isWaitingAt("Task_NotifyHostState");
    }
}
