package org.dataembassy.portal.replication;

/**
 * Base of every error the replication engine reports. Unchecked; subclasses say what went wrong
 * so callers (portal, CLI) can react without parsing messages.
 */
public class ReplicationException extends RuntimeException {
    public ReplicationException(String message) {
        super(message);
    }

    public ReplicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
