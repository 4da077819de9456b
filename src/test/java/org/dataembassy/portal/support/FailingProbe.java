package org.dataembassy.portal.support;

import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * A one-step process of its own (fresh key, so tests never share it) whose asynchronous step "Needs ok"
 * ({@code Task_NeedsOk}) fails on the real job executor until the variable {@code ok} is set: an incident at once.
 */
public final class FailingProbe {

    private FailingProbe() {
    }

    /** Deploys and starts a probe; returns its process instance id. Business key {@code probe:<key>}. */
    public static String start(ProcessEngine camunda) {
        String key = "PageProbe" + UUID.randomUUID().toString().replace("-", "").substring(0, 6) + "Process";
        camunda.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).name("Page probe").camundaHistoryTimeToLive(1)
                        .startEvent("StartEvent_Probe")
                        .serviceTask("Task_NeedsOk").name("Needs ok").camundaAsyncBefore()
                        .camundaExpression("${ok}").camundaFailedJobRetryTimeCycle("R1/PT0S")
                        .endEvent().done()).deploy();
        return camunda.getRuntimeService().startProcessInstanceByKey(key, "probe:" + key).getId();
    }
}
