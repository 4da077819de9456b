package org.dataembassy.portal.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.workflow.internal.InstanceHistory;
import org.dataembassy.portal.workflow.internal.ProcessAccess;
import org.dataembassy.portal.workflow.internal.ProcessModel;
import org.dataembassy.portal.workflow.internal.TakenFlows;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Process instances as their pages show them, running or finished: the model, where the instance is now, the path
 * it took, open incidents, business-friendly details (from the module owning the business key, see
 * {@link ProcessSubjects}) and its audit entries (those whose subject is the business key).
 *
 * <p>Who may see an instance: ADMIN and AUDITOR; the roles taking part in its process (candidate groups of its user
 * tasks); the data owner who asked for what it is about. Everyone else is refused with an AccessDeniedException.
 */
@Service
public class ProcessInstances {

    /** The list shows at most this many instances, newest first. */
    public static final int LIST_LIMIT = 200;

    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final InstanceHistory engine;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final List<ProcessSubjects> subjects;

    ProcessInstances(HistoryService history, RuntimeService runtime, RepositoryService repository,
                     InstanceHistory engine, AuditTrail audit, CurrentUser currentUser, List<ProcessSubjects> subjects) {
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
        this.engine = engine;
        this.audit = audit;
        this.currentUser = currentUser;
        this.subjects = List.copyOf(subjects);
    }

    /**
     * One instance's page. Throws NoSuchElementException for an unknown id, AccessDeniedException when the caller may
     * not see it. Any person's role; the check on the instance follows in the method.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'LEGAL_OFFICER', 'SECURITY_OFFICER', 'DATA_OWNER', 'EMERGENCY_COMMITTEE')")
    @Transactional(readOnly = true)
    public ProcessInstanceDetails find(String instanceId) {
        HistoricProcessInstance instance = instanceId == null || instanceId.isBlank() ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (instance == null) {
            throw new NoSuchElementException("no process instance " + instanceId);
        }
        ProcessModel model = engine.model(instance.getProcessDefinitionId());
        Optional<ProcessSubject> subject = describe(instance.getBusinessKey());
        String owner = subject.map(ProcessSubject::owner).orElse(instance.getStartUserId());
        Set<String> roles = currentUser.roles().stream().map(Role::name).collect(Collectors.toSet());
        if (!ProcessAccess.maySee(roles, currentUser.requireUsername(), model.participatingRoles(), owner)) {
            throw new AccessDeniedException("process instance " + instanceId + " is not one you take part in");
        }
        ProcessInstanceSummary summary = summary(instance);
        List<TakenFlows.Visit> visits = engine.visits(instance.getId());
        List<String> current = summary.state().running() ? engine.current(instance.getId()) : List.of();
        List<String> completed = visits.stream().filter(v -> v.end() != null && !v.canceled())
                .map(TakenFlows.Visit::activityId).filter(model.names()::containsKey).distinct().toList();
        List<String> taken = TakenFlows.derive(model.flows(), visits, current, model.joins());
        List<ProcessIncident> incidents = runtime.createIncidentQuery().processInstanceId(instance.getId())
                .orderByIncidentTimestamp().asc().list().stream()
                .map(i -> new ProcessIncident(i.getActivityId(), model.name(i.getActivityId()),
                        firstLine(i.getIncidentMessage()), i.getIncidentTimestamp().toInstant()))
                .toList();
        List<AuditEntry> entries = instance.getBusinessKey() == null ? List.of()
                : audit.forSubject(instance.getBusinessKey());
        return new ProcessInstanceDetails(summary, engine.modelXml(instance.getProcessDefinitionId()), current, completed,
                taken, incidents, subject.map(ProcessSubject::details).orElse(List.of()), entries);
    }

    /**
     * Instances, newest first, at most {@link #LIST_LIMIT}; {@code definitionKey} and {@code state} filter when not
     * null. ADMIN and AUDITOR.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<ProcessInstanceSummary> list(String definitionKey, ProcessState state) {
        var query = history.createHistoricProcessInstanceQuery();
        if (definitionKey != null && !definitionKey.isBlank()) {
            query.processDefinitionKey(definitionKey);
        }
        if (state != null) {
            query = state.running() ? query.unfinished() : query.finished();
        }
        return query.orderByProcessInstanceStartTime().desc().listPage(0, LIST_LIMIT).stream().map(this::summary)
                .filter(s -> state == null || s.state() == state).toList();
    }

    /** The deployed processes (key → name of the latest version), by key. ADMIN and AUDITOR. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Transactional(readOnly = true)
    public Map<String, String> processes() {
        Map<String, String> processes = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .forEach(d -> processes.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return processes;
    }

    /** The route of an instance's page, for links from other modules' views. */
    public static String pageRoute(String instanceId) {
        return "processes/" + instanceId;
    }

    private Optional<ProcessSubject> describe(String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        return subjects.stream().map(s -> s.describe(businessKey)).flatMap(Optional::stream).findFirst();
    }

    private ProcessInstanceSummary summary(HistoricProcessInstance instance) {
        String name = instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
                : instance.getProcessDefinitionName();
        return new ProcessInstanceSummary(instance.getId(), instance.getProcessDefinitionKey(), name,
                instance.getBusinessKey(), ProcessState.of(instance.getState()), instance.getStartTime().toInstant(),
                instant(instance.getEndTime()));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
