package org.dataembassy.portal.jurisdiction.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.dataembassy.portal.jurisdiction.JurisdictionReviewVariables;
import org.dataembassy.portal.support.ProcessCoverage;
import org.dataembassy.portal.workflow.TaskWentOverdue;
import org.dataembassy.portal.workflow.internal.RemindOverdueTaskDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of the jurisdiction review model. The delegates' services are recorders here because this test is
 * about the model; the real delegates against the real OPA, registry and replication run in JurisdictionReviewIT.
 */
@Deployment(resources = "bpmn/JurisdictionReviewProcess.bpmn")
class JurisdictionReviewProcessTests {

    /** Minimum share of the model's flow nodes and sequence flows that this class must pass through. */
    static final double MINIMUM_CLASS_COVERAGE = 0.9;

    @RegisterExtension
    static final ProcessEngineCoverageExtension ENGINE = ProcessCoverage.assertClassCoverageAtLeast(MINIMUM_CLASS_COVERAGE);

    private final List<String> calls = new ArrayList<>();
    private final List<TaskWentOverdue> overdue = new ArrayList<>();
    private boolean engineAvailable = true;
    private int evacuationFailures;

    @BeforeEach
    void registerDelegates() {
        Mocks.register("runJurisdictionChecksDelegate", (JavaDelegate) execution -> {
            calls.add("checks");
            if (!engineAvailable) {
                throw new IllegalStateException("policy engine unavailable");
            }
        });
        Mocks.register("remindAssessorsDelegate", (JavaDelegate) execution -> calls.add("remind"));
        Mocks.register("restrictAgreementDelegate", (JavaDelegate) execution -> calls.add("restrict"));
        Mocks.register("suspendAgreementDelegate", (JavaDelegate) execution -> calls.add("suspend"));
        Mocks.register("evacuateHostSiteDelegate", (JavaDelegate) execution -> {
            calls.add("evacuate");
            if (evacuationFailures-- > 0) {
                throw new IllegalStateException("site unreachable");
            }
        });
        Mocks.register("recordJurisdictionOutcomeDelegate", (JavaDelegate) execution -> calls.add("record"));
        Mocks.register("remindOverdueTaskDelegate", new RemindOverdueTaskDelegate(taskService(),
                event -> overdue.add((TaskWentOverdue) event)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(JurisdictionReviewVariables.PROCESS_ID,
                "jurisdiction-review:r1", Map.of(JurisdictionReviewVariables.REVIEW_ID, "r1"));
    }

    private void runJobs(ProcessInstance instance, int count) {
        for (int i = 0; i < count; i++) {
            execute(job(instance));
        }
    }

    private ProcessInstance assessed(String outcome) {
        ProcessInstance instance = start();
        runJobs(instance, 1);
        assertThat(instance).isWaitingAt("Task_AssessJurisdiction");
        complete(task(instance), Map.of(JurisdictionReviewVariables.ASSESSMENT_OUTCOME, outcome));
        return instance;
    }

    @Test
    void theChecksRunBeforeALegalOfficerAssesses() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_RunJurisdictionChecks");
        runJobs(instance, 1);
        assertThat(instance).isWaitingAt("Task_AssessJurisdiction");
        assertThat(task(instance)).hasCandidateGroup("LEGAL_OFFICER").hasFormKey("jurisdiction/assess");
        assertThat(task(instance).getDueDate()).isNotNull();
        assertThat(calls).containsExactly("checks");
    }

    @Test
    void continueRecordsTheOutcomeAndChangesNothing() {
        ProcessInstance instance = assessed("CONTINUE");
        runJobs(instance, 1);
        assertThat(instance).isEnded().hasPassed("Task_RecordOutcome", "EndEvent_ReviewClosed")
                .hasNotPassed("Task_RestrictAgreement", "Task_SuspendAgreement", "Task_EvacuateHostSite");
        assertThat(calls).containsExactly("checks", "record");
    }

    @Test
    void restrictPublishesTheRestrictionThenRecords() {
        ProcessInstance instance = assessed("RESTRICT");
        runJobs(instance, 2);
        assertThat(instance).isEnded().hasPassed("Task_RestrictAgreement", "EndEvent_ReviewClosed")
                .hasNotPassed("Task_SuspendAgreement");
        assertThat(calls).containsExactly("checks", "restrict", "record");
    }

    @Test
    void suspendSuspendsTheAgreementThenRecords() {
        ProcessInstance instance = assessed("SUSPEND");
        runJobs(instance, 2);
        assertThat(instance).isEnded().hasPassed("Task_SuspendAgreement", "EndEvent_ReviewClosed")
                .hasNotPassed("Task_ConfirmEvacuation");
        assertThat(calls).containsExactly("checks", "suspend", "record");
    }

    @Test
    void evacuateWaitsForASecurityOfficerThenEvacuatesSuspendsAndRecords() {
        ProcessInstance instance = assessed("EVACUATE");
        assertThat(instance).isWaitingAt("Task_ConfirmEvacuation");
        assertThat(task(instance)).hasCandidateGroup("SECURITY_OFFICER").hasFormKey("jurisdiction/evacuation");
        assertThat(task(instance).getDueDate()).isNotNull();
        assertThat(calls).containsExactly("checks"); // nothing destroyed before the confirmation
        complete(task(instance), Map.of(JurisdictionReviewVariables.EVACUATION_CONFIRMED, true));
        runJobs(instance, 3);
        assertThat(instance).isEnded().hasPassed("Gateway_EvacuationConfirmed", "Task_EvacuateHostSite",
                "Task_SuspendAgreement", "EndEvent_ReviewClosed");
        assertThat(calls).containsExactly("checks", "evacuate", "suspend", "record");
    }

    @Test
    void aRefusedEvacuationGoesBackToTheAssessmentAndDestroysNothing() {
        ProcessInstance instance = assessed("EVACUATE");
        complete(task(instance), Map.of(JurisdictionReviewVariables.EVACUATION_CONFIRMED, false));
        assertThat(instance).hasPassed("Gateway_EvacuationConfirmed").isWaitingAt("Task_AssessJurisdiction");
        assertThat(task(instance)).hasCandidateGroup("LEGAL_OFFICER");
        complete(task(instance), Map.of(JurisdictionReviewVariables.ASSESSMENT_OUTCOME, "CONTINUE"));
        runJobs(instance, 1);
        assertThat(instance).isEnded().hasNotPassed("Task_EvacuateHostSite");
        assertThat(calls).containsExactly("checks", "record");
    }

    @Test
    void anUnavailablePolicyEngineLeavesTheChecksWaitingForRetryAndNoAssessmentStarts() {
        engineAvailable = false;
        ProcessInstance instance = start();
        assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("unavailable");
        assertThat(instance).isWaitingAt("Task_RunJurisdictionChecks");
        assertThat(job(instance).getRetries()).isEqualTo(4);
        assertThat(task(instance)).isNull();
        engineAvailable = true;
        runJobs(instance, 1);
        assertThat(instance).isWaitingAt("Task_AssessJurisdiction");
    }

    @Test
    void aFailedEvacuationIsRetriedAndTheSuspensionFollowsOnlyASuccess() {
        evacuationFailures = 1;
        ProcessInstance instance = assessed("EVACUATE");
        complete(task(instance), Map.of(JurisdictionReviewVariables.EVACUATION_CONFIRMED, true));
        assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("site unreachable");
        assertThat(instance).isWaitingAt("Task_EvacuateHostSite");
        runJobs(instance, 1);
        assertThat(instance).isWaitingAt("Task_SuspendAgreement");
        assertThat(calls).containsExactly("checks", "evacuate", "evacuate");
    }

    @Test
    void anAssessmentLeftThreeDaysRemindsTheLegalOfficersAndStaysOpen() {
        ProcessInstance instance = start();
        runJobs(instance, 1);
        Job timer = jobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer).isNotNull();
        execute(timer);
        runJobs(instance, 1);
        assertThat(instance).hasPassed("BoundaryEvent_AssessmentReminder", "Task_RemindAssessors", "EndEvent_ReminderSent")
                .isWaitingAt("Task_AssessJurisdiction");
        assertThat(calls).containsExactly("checks", "remind");
    }

    @Test
    void anEvacuationWaitingTwelveHoursForItsConfirmationIsAnnouncedOverdue() {
        ProcessInstance instance = assessed("EVACUATE");
        execute(job("BoundaryEvent_EvacuationConfirmationReminder", instance));
        execute(job("Task_RemindEvacuationConfirmation", instance));
        assertThat(instance).hasPassed("EndEvent_EvacuationConfirmationReminded").isWaitingAt("Task_ConfirmEvacuation");
        assertThat(overdue).singleElement().satisfies(event -> {
            assertThat(event.candidateGroups()).isEqualTo("SECURITY_OFFICER");
            assertThat(event.waited()).isEqualTo("PT12H");
        });
        assertThat(calls).containsExactly("checks"); // still nothing destroyed
    }
}
