package org.dataembassy.portal.replication;

/** The same share index was given more than once. */
public class DuplicateShareException extends ShareException {
    public DuplicateShareException(String message) {
        super(message);
    }

    public DuplicateShareException(String message, Throwable cause) {
        super(message, cause);
    }
}
