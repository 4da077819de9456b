package org.dataembassy.portal.workflow;

import java.util.List;

/**
 * The embedded Camunda engine at a glance.
 *
 * @param deployedProcesses keys of the latest deployed process definitions
 */
public record WorkflowEngineStatus(String engineName, List<String> deployedProcesses, long runningInstances,
                                   long openIncidents, boolean jobExecutorActive) {
}
