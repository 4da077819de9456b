package org.dataembassy.portal.workflow;

import java.time.Instant;

/**
 * A workflow step that failed after its retries (a Camunda incident), as the status page lists it.
 *
 * @param processName  the process definition's name
 * @param businessKey  what the instance is about, e.g. {@code onboarding-request:…}
 * @param activity     the failed step's id in the model
 * @param message      the last error (first line only, at most 300 characters: no stack traces on screen)
 * @param retryable    true when the failed step is a job that can be run again (failed job incidents)
 */
public record WorkflowIncident(String id, String processName, String businessKey, String activity, String message,
                               Instant since, boolean retryable) {
}
