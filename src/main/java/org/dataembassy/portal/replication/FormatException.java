package org.dataembassy.portal.replication;

/** Bytes do not follow the replication format (bad magic, version, length or structure). */
public class FormatException extends ReplicationException {
    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
