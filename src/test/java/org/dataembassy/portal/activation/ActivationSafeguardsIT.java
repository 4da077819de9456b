package org.dataembassy.portal.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The steps that release the key, restore for service and declare ACTIVE count the quorum again from the recorded
 * votes: an instance moved to them without a counted quorum (what a modification in Cockpit would do) is refused
 * by each, audited, and the activation does not become ACTIVE.
 */
@PortalIntegrationTest
class ActivationSafeguardsIT {

    private static final List<String> GUARDED = List.of("Task_ReleaseStateKey", "Task_RestoreForService", "Task_DeclareActive");

    @Autowired
    EmergencyActivations activations;
    @Autowired
    CommitteeVotes votes;
    @Autowired
    KeyCeremonies ceremonies;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning datasetProvisioning;
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

    @Test
    void stepsReachedWithoutAQuorumRefuseToReleaseRestoreOrDeclare() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks).activeDataset(datasetProvisioning, "dora",
                "Safeguarded register " + System.nanoTime(), List.of("embassy-lu"));
        ActivationTestSupport c = new ActivationTestSupport(activations, votes, ceremonies);

        // still VOTING: the steps refuse on the status
        EmergencyActivation voting = c.awaitStatus(c.trigger("cade", List.of(dataset.id()), true, null).id(),
                ActivationStatus.VOTING);
        moveToTheGuardedSteps(voting);
        assertThat(messages(voting.processInstanceId())).hasSize(3).allSatisfy(m -> assertThat(m)
                .contains("refused for " + voting.subject()).contains("the activation is VOTING"));
        assertRefusedAndCleanUp(c, voting);

        // a status written without the votes to back it: the steps count the votes and refuse
        EmergencyActivation forged = c.awaitStatus(c.trigger("cade", List.of(dataset.id()), true, null).id(),
                ActivationStatus.VOTING);
        jdbc.sql("update emergency_activation set status = 'ACTIVATING' where id = ?").param(forged.id()).update();
        moveToTheGuardedSteps(forged);
        assertThat(messages(forged.processInstanceId())).hasSize(3).allSatisfy(m -> assertThat(m)
                .contains("the recorded votes do not reach the quorum (").contains("of 3 approvals needed"));
        assertRefusedAndCleanUp(c, forged);
    }

    private void moveToTheGuardedSteps(EmergencyActivation a) {
        var modification = runtime.createProcessInstanceModification(a.processInstanceId());
        GUARDED.forEach(modification::startBeforeActivity);
        modification.execute();
        awaitFailedJobs(a.processInstanceId(), 3);
    }

    private void assertRefusedAndCleanUp(ActivationTestSupport c, EmergencyActivation a) {
        EmergencyActivation after = c.find(a.id());
        assertThat(after.status()).isNotEqualTo(ActivationStatus.ACTIVE);
        assertThat(after.keySource()).isNull();
        assertThat(after.datasets()).allSatisfy(d -> assertThat(d.servingPath()).isNull());
        assertThat(As.user("aude", "AUDITOR", () -> audit.forSubject(a.subject()))).filteredOn(e ->
                e.action().equals("STEP_REFUSED")).hasSizeGreaterThanOrEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            runtime.deleteProcessInstance(a.processInstanceId(), "test cleanup");
            return true;
        });
        jdbc.sql("update emergency_activation set status = 'REJECTED' where id = ?").param(a.id()).update();
    }

    private void awaitFailedJobs(String instance, int count) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                management.createJobQuery().processInstanceId(instance).withException().count() >= count);
    }

    private List<String> messages(String instance) {
        return management.createJobQuery().processInstanceId(instance).withException().list().stream()
                .map(Job::getExceptionMessage).toList();
    }
}
