package org.dataembassy.portal.workflow.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataembassy.portal.api.ApiController;
import org.dataembassy.portal.api.ApiProblems;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.dataembassy.portal.workflow.TaskFields;
import org.dataembassy.portal.workflow.TaskForm;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "My tasks" over the API: the caller's open tasks, claim, release, and completion with the same fields and the same
 * service-level checks as each task's page ({@link TaskForm}, found by the task's form key). A completion or claim
 * sent with {@code If-Match} (the task's {@code ETag}) fails with 412 when the task changed hands since it was read.
 */
@ApiController
@Tag(name = "Tasks", description = "The caller's human tasks: list, claim, release, complete")
@RequestMapping(path = "/api/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
class TasksController {

    private final WorkTasks tasks;
    private final Map<String, TaskForm> forms;

    TasksController(WorkTasks tasks, List<TaskForm> forms) {
        this.tasks = tasks;
        this.forms = forms.stream().collect(Collectors.toMap(TaskForm::formKey, Function.identity()));
    }

    /** A change based on a state of the task that no longer holds. */
    static final class TaskChangedException extends RuntimeException {
        TaskChangedException(WorkTask task, String expected) {
            super("task " + task.id() + " changed since it was read (If-Match " + expected + ", now " + task.etag()
                    + "); nothing was changed");
        }
    }

    @Operation(operationId = "listTasks", summary = "List my tasks",
            description = "The tasks offered to one of the caller's roles or claimed by the caller, oldest first, with the"
                    + " subject (business key), the form that completes them and their due date.")
    @GetMapping
    List<WorkTask> mine() {
        return tasks.mine();
    }

    @Operation(operationId = "getTask", summary = "Read one of my tasks",
            description = "The task, with its ETag to send as If-Match on claim and complete.")
    @GetMapping("/{id}")
    ResponseEntity<WorkTask> get(@PathVariable String id) {
        WorkTask task = mineOrNotFound(id);
        return ResponseEntity.ok().eTag(task.etag()).body(task);
    }

    @Operation(operationId = "claimTask", summary = "Claim a task",
            description = "Takes an open task so no one else works on it; 409 when someone else has it.")
    @ApiProblems(value = ProblemType.PRECONDITION_FAILED, when = "The task changed hands since the ETag sent as If-Match"
            + " was read.")
    @PostMapping("/{id}/claim")
    ResponseEntity<WorkTask> claim(@PathVariable String id,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        requireUnchanged(mineOrNotFound(id), ifMatch);
        tasks.claim(id);
        WorkTask claimed = mineOrNotFound(id);
        return ResponseEntity.ok().eTag(claimed.etag()).body(claimed);
    }

    @Operation(operationId = "unclaimTask", summary = "Release a task",
            description = "Gives a task the caller claimed back to its role; 409 when the caller has not claimed it.")
    @PostMapping("/{id}/unclaim")
    ResponseEntity<WorkTask> unclaim(@PathVariable String id) {
        mineOrNotFound(id);
        tasks.unclaim(id);
        WorkTask released = mineOrNotFound(id);
        return ResponseEntity.ok().eTag(released.etag()).body(released);
    }

    @Operation(operationId = "completeTask", summary = "Complete a task",
            description = "Completes the task with its form's fields, through the same service and checks as its page:"
                    + " datasets/review and transfers/review {approve, comment}; datasets/keys {approve, sourceFolder,"
                    + " sites, comment}; jurisdiction/assess {outcome: CONTINUE|RESTRICT|SUSPEND|EVACUATE, justification};"
                    + " jurisdiction/evacuation {confirm, note}. Committee votes are cast on the activation page (they"
                    + " need a fresh sign-in): 409. Unknown or mistyped fields: 400 by field, nothing changes.")
    @ApiProblems(value = ProblemType.PRECONDITION_FAILED, when = "The task changed hands since the ETag sent as If-Match"
            + " was read.")
    @PostMapping(path = "/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> complete(@PathVariable String id,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @RequestBody Map<String, Object> fields) {
        WorkTask task = mineOrNotFound(id);
        requireUnchanged(task, ifMatch);
        TaskForm form = forms.get(task.formRoute());
        if (form == null) {
            throw new IllegalStateException("the task \"" + task.name() + "\" is completed on its page ("
                    + task.formRoute() + "), not over the API");
        }
        form.complete(id, new TaskFields(fields));
        return ResponseEntity.noContent().build();
    }

    private WorkTask mineOrNotFound(String id) {
        return tasks.find(id).orElseThrow(() -> new NoSuchElementException("no open task " + id + " of yours"));
    }

    private static void requireUnchanged(WorkTask task, String ifMatch) {
        if (ifMatch != null && !ifMatch.equals(task.etag())) {
            throw new TaskChangedException(task, ifMatch);
        }
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        return Problems.response(Problems.of(ProblemType.NOT_FOUND, "Unknown task", e.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalStateException e) {
        return Problems.response(Problems.of(ProblemType.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler(TaskChangedException.class)
    ResponseEntity<ProblemDetail> changed(TaskChangedException e) {
        return Problems.response(Problems.of(ProblemType.PRECONDITION_FAILED, e.getMessage()));
    }
}
