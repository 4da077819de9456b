package org.dataembassy.portal.datasets.process;

/** The policy engine gave no answer: the job fails and is retried, then becomes an incident. Never an approval. */
public class PolicyEngineUnavailableException extends RuntimeException {

    public PolicyEngineUnavailableException(String message) {
        super(message);
    }
}
