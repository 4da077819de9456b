package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A workflow step that keeps failing becomes an incident on the status page; an administrator's retry runs it
 * again on the real Camunda engine and job executor, and the incident closes once the step succeeds.
 */
@PortalIntegrationTest
class WorkflowIncidentsIT {

    @Autowired
    ProcessEngine camunda;
    @Autowired
    WorkflowEngine workflow;

    @Test
    void aFailedStepIsListedAndAnAdministratorsRetryFinishesIt() {
        String key = "IncidentProbe" + UUID.randomUUID().toString().replace("-", "").substring(0, 6) + "Process";
        camunda.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).name("Incident probe").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .serviceTask("Task_NeedsOk").name("Needs ok").camundaAsyncBefore()
                        .camundaExpression("${ok}").camundaFailedJobRetryTimeCycle("R1/PT0S")
                        .endEvent().done()).deploy();
        String businessKey = "probe:" + key;
        var instance = camunda.getRuntimeService().startProcessInstanceByKey(key, businessKey);

        WorkflowIncident incident = await().atMost(Duration.ofSeconds(30)).until(
                () -> As.user("aude", "AUDITOR", () -> workflow.incidents()).stream()
                        .filter(i -> businessKey.equals(i.businessKey())).findFirst().orElse(null),
                i -> i != null);
        assertThat(incident.processName()).isEqualTo("Incident probe");
        assertThat(incident.activity()).isEqualTo("Task_NeedsOk");
        assertThat(incident.message()).contains("ok").doesNotContain("\n");
        assertThat(incident.retryable()).isTrue();

        assertThatThrownBy(() -> As.run("aude", "AUDITOR", () -> workflow.retry(incident.id())))
                .isInstanceOf(AccessDeniedException.class);

        camunda.getRuntimeService().setVariable(instance.getId(), "ok", true);
        assertThat(As.user("ada", "ADMIN", () -> workflow.retry(incident.id()))).isTrue();

        await().atMost(Duration.ofSeconds(30)).until(() -> camunda.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instance.getId()).count() == 0);
        assertThat(As.user("aude", "AUDITOR", () -> workflow.incidents()))
                .noneMatch(i -> businessKey.equals(i.businessKey()));
        assertThat(As.user("ada", "ADMIN", () -> workflow.retry(incident.id()))).isFalse();
    }
}
