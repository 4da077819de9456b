package org.dataembassy.portal.workflow;

import java.time.Instant;

/**
 * An open incident of a process instance: a step that failed after its retries.
 *
 * @param message the last error, first line only, at most 300 characters
 */
public record ProcessIncident(String activityId, String activityName, String message, Instant since) {
}
