package org.dataembassy.portal.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reports on the embedded workflow engine for the status page. */
@Service
public class WorkflowEngine {

    private final ProcessEngine engine;

    WorkflowEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    /** ADMIN, AUDITOR and the system. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'SYSTEM')")
    public WorkflowEngineStatus status() {
        var definitions = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionKey().asc().list().stream()
                .map(d -> d.getKey() + " v" + d.getVersion()).toList();
        long running = engine.getRuntimeService().createProcessInstanceQuery().active().count();
        long incidents = engine.getRuntimeService().createIncidentQuery().count();
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        boolean jobs = configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive();
        return new WorkflowEngineStatus(engine.getName(), definitions, running, incidents, jobs);
    }
}
