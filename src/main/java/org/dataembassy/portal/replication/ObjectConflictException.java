package org.dataembassy.portal.replication;

/** A put tried to replace an existing immutable object with different bytes. */
public class ObjectConflictException extends ReplicationException {
    public ObjectConflictException(String message) {
        super(message);
    }

    public ObjectConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
