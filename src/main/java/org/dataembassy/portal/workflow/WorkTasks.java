package org.dataembassy.portal.workflow;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current user's human tasks across all workflows: those offered to one of their roles (candidate
 * groups are role names) or assigned to them. Completing a task is done by the owning module's service,
 * which checks the business rules first and then calls {@link #complete}.
 */
@Service
public class WorkTasks {

    private final TaskService tasks;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;

    WorkTasks(TaskService tasks, RepositoryService repository, RuntimeService runtime, CurrentUser currentUser) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.currentUser = currentUser;
    }

    /** Tasks the caller may work on. Any person with at least one role. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<WorkTask> mine() {
        String user = currentUser.requireUsername();
        List<String> groups = currentUser.roles().stream().map(Role::name).toList();
        var query = tasks.createTaskQuery().or().taskAssignee(user);
        if (!groups.isEmpty()) {
            query = query.taskCandidateGroupIn(groups).includeAssignedTasks();
        }
        return query.endOr().initializeFormKeys().orderByTaskCreateTime().asc().list()
                .stream().map(this::toWorkTask).toList();
    }

    /** One task the caller may work on, if it exists and is theirs to see. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<WorkTask> find(String taskId) {
        return mine().stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void claim(String taskId) {
        WorkTask task = find(taskId).orElseThrow(() -> new AccessDeniedException("not your task"));
        if (task.assignee() != null && !task.assignee().equals(currentUser.requireUsername())) {
            throw new IllegalStateException("already claimed by " + task.assignee());
        }
        tasks.claim(taskId, currentUser.requireUsername());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void unclaim(String taskId) {
        WorkTask task = find(taskId).orElseThrow(() -> new AccessDeniedException("not your task"));
        if (!currentUser.requireUsername().equals(task.assignee())) {
            throw new IllegalStateException("you have not claimed this task");
        }
        tasks.setAssignee(taskId, null);
    }

    /**
     * Completes a task of the caller's with the given variables (ids and flags only). Claims it for the caller
     * first, so the history shows who completed it. Fails if the task is not the caller's to work on.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void complete(String taskId, Map<String, Object> variables) {
        WorkTask task = find(taskId).orElseThrow(() -> new NoSuchElementException("no open task " + taskId + " for you"));
        String user = currentUser.requireUsername();
        if (task.assignee() != null && !task.assignee().equals(user)) {
            throw new AccessDeniedException("task " + taskId + " is claimed by " + task.assignee());
        }
        if (task.assignee() == null) {
            tasks.claim(taskId, user);
        }
        tasks.complete(taskId, variables);
    }

    /** The audit subject for a workflow business key ({@code <type>:<id>}), unchanged when already prefixed. */
    public static String subject(String businessKey) {
        return businessKey == null ? "workflow" : businessKey;
    }

    private WorkTask toWorkTask(Task task) {
        String processName = repository.getProcessDefinition(task.getProcessDefinitionId()).getName();
        var instance = task.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        String businessKey = instance == null ? null : instance.getBusinessKey();
        return new WorkTask(task.getId(), task.getName(), processName, businessKey, task.getFormKey(),
                task.getAssignee(), task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant());
    }
}
