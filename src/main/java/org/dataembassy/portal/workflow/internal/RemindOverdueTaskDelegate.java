package org.dataembassy.portal.workflow.internal;

import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeDuration;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.dataembassy.portal.workflow.TaskWentOverdue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The step every user task's reminder timer leads to ({@code ${remindOverdueTaskDelegate}}, see
 * BpmnConventionsTests): it finds the user task the timer is attached to from the model, and announces each of its
 * open tasks in this process instance as {@link TaskWentOverdue} (audited). A task decided in the meantime is not
 * announced. Nothing is decided here; the task stays open.
 */
@Component("remindOverdueTaskDelegate")
public class RemindOverdueTaskDelegate implements JavaDelegate {

    private final TaskService tasks;
    private final ApplicationEventPublisher events;

    public RemindOverdueTaskDelegate(TaskService tasks, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FlowNode step = (FlowNode) execution.getBpmnModelElementInstance();
        for (SequenceFlow incoming : step.getIncoming()) {
            if (incoming.getSource() instanceof BoundaryEvent timer) {
                String waited = timer.getEventDefinitions().stream()
                        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
                        .map(TimerEventDefinition::getTimeDuration).filter(Objects::nonNull)
                        .map(TimeDuration::getTextContent).findFirst().orElse("its reminder");
                for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey(timer.getAttachedTo().getId()).list()) {
                    events.publishEvent(new TaskWentOverdue(task.getId(), task.getName(),
                            execution.getProcessBusinessKey(), candidateGroups(task), waited));
                }
            }
        }
    }

    private String candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).sorted().collect(Collectors.joining(","));
    }
}
