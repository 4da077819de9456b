package org.dataembassy.portal.replication;

/** Another replication or prune holds the state folder's lock. */
public class StateLockedException extends ReplicationException {
    public StateLockedException(String message) {
        super(message);
    }

    public StateLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
