package org.dataembassy.portal.replication;

/** A site could not be reached or failed an operation after retries. */
public class SiteUnavailableException extends ReplicationException {
    public SiteUnavailableException(String message) {
        super(message);
    }

    public SiteUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
