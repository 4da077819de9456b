package org.dataembassy.portal.replication;

/** The named object does not exist at the site. */
public class ObjectNotFoundException extends ReplicationException {
    public ObjectNotFoundException(String message) {
        super(message);
    }

    public ObjectNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
