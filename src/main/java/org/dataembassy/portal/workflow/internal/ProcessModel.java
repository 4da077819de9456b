package org.dataembassy.portal.workflow.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * What the process pages need from a BPMN model: its sequence flows, joining gateways, the roles taking part
 * (candidate groups of its user tasks, which are role names) and the names of its flow nodes.
 */
public record ProcessModel(List<TakenFlows.Flow> flows, Set<String> joins, Set<String> participatingRoles,
                           Map<String, String> names) {

    public static ProcessModel of(BpmnModelInstance model) {
        List<TakenFlows.Flow> flows = model.getModelElementsByType(SequenceFlow.class).stream()
                .map(f -> new TakenFlows.Flow(f.getId(), f.getSource().getId(), f.getTarget().getId())).toList();
        Set<String> joins = new TreeSet<>();
        model.getModelElementsByType(ParallelGateway.class).forEach(g -> joins.add(g.getId()));
        model.getModelElementsByType(InclusiveGateway.class).forEach(g -> joins.add(g.getId()));
        Set<String> roles = model.getModelElementsByType(UserTask.class).stream()
                .map(UserTask::getCamundaCandidateGroups).filter(g -> g != null && !g.isBlank())
                .flatMap(g -> Arrays.stream(g.split(","))).map(String::strip)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> names = new LinkedHashMap<>();
        model.getModelElementsByType(FlowNode.class)
                .forEach(n -> names.put(n.getId(), n.getName() == null || n.getName().isBlank() ? n.getId() : n.getName()));
        return new ProcessModel(flows, Set.copyOf(joins), Set.copyOf(roles), Map.copyOf(names));
    }

    /** The node's name, or its id when it has none. */
    public String name(String activityId) {
        return names.getOrDefault(activityId, activityId);
    }
}
