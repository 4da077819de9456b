package org.dataembassy.portal.workflow.internal;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.dataembassy.portal.workflow.TaskCompleted;
import org.dataembassy.portal.workflow.TaskCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces human-task creation and completion as portal events (recorded by the audit trail), from the
 * task events Camunda's Spring Boot starter publishes inside the engine's transaction.
 */
@Component
class TaskEventsBridge {

    private final ApplicationEventPublisher events;

    TaskEventsBridge(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    void onCreate(DelegateTask task) {
        String groups = task.getCandidates().stream()
                .filter(link -> link.getGroupId() != null)
                .map(link -> link.getGroupId()).sorted().collect(Collectors.joining(","));
        events.publishEvent(new TaskCreated(task.getId(), task.getName(), businessKey(task), groups));
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    void onComplete(DelegateTask task) {
        String by = task.getAssignee() == null ? "unknown" : task.getAssignee();
        events.publishEvent(new TaskCompleted(task.getId(), task.getName(), businessKey(task), by));
    }

    private static String businessKey(DelegateTask task) {
        return task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    }
}
