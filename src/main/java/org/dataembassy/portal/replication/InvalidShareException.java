package org.dataembassy.portal.replication;

/** A share is malformed, corrupted (checksum) or belongs to another split. */
public class InvalidShareException extends ShareException {
    public InvalidShareException(String message) {
        super(message);
    }

    public InvalidShareException(String message, Throwable cause) {
        super(message, cause);
    }
}
