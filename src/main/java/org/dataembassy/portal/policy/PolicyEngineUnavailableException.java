package org.dataembassy.portal.policy;

/**
 * The policy engine gave no answer ({@link PolicyDecision#engineUnavailable()}): the one exception a workflow step
 * throws when it needed the decision, so the job fails, is retried, then becomes an incident. Never an approval.
 */
public class PolicyEngineUnavailableException extends RuntimeException {

    public PolicyEngineUnavailableException(String message) {
        super(message);
    }
}
