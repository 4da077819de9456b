package org.dataembassy.portal.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.springframework.stereotype.Component;

/**
 * Reads what a process page needs from the engine: the model, the activity history, the activities active now.
 * No access checks here: only {@code ProcessInstances} calls it, after its own.
 */
@Component
public class InstanceHistory {

    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;

    InstanceHistory(HistoryService history, RuntimeService runtime, RepositoryService repository) {
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
    }

    public ProcessModel model(String definitionId) {
        return ProcessModel.of(repository.getBpmnModelInstance(definitionId));
    }

    /** The BPMN 2.0 XML of this process definition version, as deployed. */
    public String modelXml(String definitionId) {
        try (InputStream in = repository.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every activity visit of the instance, in the order they started. */
    public List<TakenFlows.Visit> visits(String instanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(a -> new TakenFlows.Visit(a.getActivityId(), a.getStartTime().toInstant(),
                        a.getEndTime() == null ? null : a.getEndTime().toInstant(), a.isCanceled()))
                .toList();
    }

    /** Activities active now, asynchronous steps whose job has not run yet included; empty once finished. */
    public List<String> current(String instanceId) {
        ActivityInstance root = runtime.getActivityInstance(instanceId);
        Set<String> ids = new LinkedHashSet<>();
        if (root != null) {
            collect(root, ids);
            ids.remove(root.getActivityId());
        }
        return List.copyOf(ids);
    }

    private static void collect(ActivityInstance instance, Set<String> ids) {
        ids.add(instance.getActivityId());
        for (var transition : instance.getChildTransitionInstances()) {
            ids.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collect(child, ids);
        }
    }
}
