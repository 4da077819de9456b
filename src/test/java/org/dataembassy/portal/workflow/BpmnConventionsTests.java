package org.dataembassy.portal.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every model in bpmn/ against the conventions in docs/architecture.md. */
class BpmnConventionsTests {

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void fileNameIsTheExecutableProcessIdWithHistoryTimeToLive(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        assertThat(processes).hasSize(1);
        Process process = processes.iterator().next();
        assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getId()).matches("[A-Z][A-Za-z]+Process");
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementHasAMeaningfulId(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> bad = new ArrayList<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!node.getId().matches("(StartEvent|Task|Gateway|BoundaryEvent|EndEvent|Event)_[A-Z][A-Za-z]+")) {
                bad.add(node.getId());
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!flow.getId().matches("SequenceFlow_[A-Z][A-Za-z]+")) {
                bad.add(flow.getId());
            }
        }
        assertThat(bad).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void serviceTasksAreAsyncAndDelegateToABean(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " asyncBefore").isTrue();
            assertThat(task.getCamundaDelegateExpression()).as(task.getId() + " delegateExpression")
                    .matches("\\$\\{[a-z][A-Za-z]+Delegate}");
            assertThat(task.getCamundaClass()).as(task.getId()).isNull();
            assertThat(task.getCamundaExpression()).as(task.getId()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void userTasksHaveCandidateGroupsFormAndDueDate(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaFormKey()).as(task.getId()).isNotBlank();
            assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank();
        }
    }

    /**
     * Nobody's task waits unnoticed: every user task carries a timer on its boundary (a non-interrupting reminder
     * that announces it overdue, or an escalation) that leads somewhere.
     */
    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskHasAReminderOrEscalationTimer(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(boundary -> boundary.getAttachedTo() == task)
                    .filter(boundary -> boundary.getEventDefinitions().stream()
                            .anyMatch(TimerEventDefinition.class::isInstance))
                    .filter(boundary -> !boundary.getOutgoing().isEmpty()))
                    .as(task.getId() + " has a timer on its boundary that leads on").isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyFlowElementIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(((BaseElement) node).getDiagramElement()).as(node.getId() + " has a shape").isNotNull();
        }
    }
}
