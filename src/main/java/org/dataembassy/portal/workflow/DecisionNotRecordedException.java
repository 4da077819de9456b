package org.dataembassy.portal.workflow;

/**
 * Thrown by a workflow step that found no recorded decision behind it ({@link DecisionNotRecorded}); the job fails,
 * is retried and becomes an incident. Nothing is released, accepted, restored or declared.
 */
public class DecisionNotRecordedException extends IllegalStateException {

    public DecisionNotRecordedException(String step, String subject, String missing) {
        super(step + " refused for " + subject + ": " + missing);
    }
}
