package org.dataembassy.portal.workflow;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports on the embedded workflow engine for the status page. */
@Service
public class WorkflowEngine {

    private final ProcessEngine engine;

    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;

    WorkflowEngine(ProcessEngine engine, ApplicationEventPublisher events,
                   CurrentUser currentUser) {
        this.engine = engine;
        this.events = events;
        this.currentUser = currentUser;
    }

    /** Open incidents, oldest first. ADMIN, AUDITOR and the system. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'SYSTEM')")
    public List<WorkflowIncident> incidents() {
        var runtime = engine.getRuntimeService();
        var repository = engine.getRepositoryService();
        return runtime.createIncidentQuery().orderByIncidentTimestamp().asc().list().stream().map(i -> {
            var definition = repository.getProcessDefinition(i.getProcessDefinitionId());
            var instance = runtime.createProcessInstanceQuery().processInstanceId(i.getProcessInstanceId()).singleResult();
            return new WorkflowIncident(i.getId(),
                    definition.getName() == null ? definition.getKey() : definition.getName(),
                    instance == null ? null : instance.getBusinessKey(), i.getActivityId(), firstLine(i.getIncidentMessage()),
                    i.getIncidentTimestamp().toInstant(),
                    Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType())
                            && i.getConfiguration() != null);
        }).toList();
    }

    /**
     * Gives the failed job behind an incident one more try (the incident resolves when the job runs). ADMIN
     * only. Returns false when the incident is gone or cannot be retried.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public boolean retry(String incidentId) {
        var incident = engine.getRuntimeService().createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null || !Incident.FAILED_JOB_HANDLER_TYPE
                .equals(incident.getIncidentType()) || incident.getConfiguration() == null) {
            return false;
        }
        engine.getManagementService().setJobRetries(incident.getConfiguration(), 1);
        var instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(incident.getProcessInstanceId()).singleResult();
        events.publishEvent(new IncidentRetried(incidentId, instance == null ? null : instance.getBusinessKey(),
                incident.getActivityId(), currentUser.requireUsername()));
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** Open and overdue human tasks for every role (candidate group), as of {@code now}. ADMIN, AUDITOR and the system. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'SYSTEM')")
    public List<TaskCount> taskCounts(Instant now) {
        var tasks = engine.getTaskService();
        Date at = Date.from(now);
        return Arrays.stream(Role.values()).map(Role::name)
                .map(role -> new TaskCount(role, tasks.createTaskQuery().taskCandidateGroup(role).includeAssignedTasks().count(),
                        tasks.createTaskQuery().taskCandidateGroup(role).includeAssignedTasks().dueBefore(at).count()))
                .toList();
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
