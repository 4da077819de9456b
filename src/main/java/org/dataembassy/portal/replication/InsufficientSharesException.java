package org.dataembassy.portal.replication;

/** Fewer distinct shares than the threshold M were given. */
public class InsufficientSharesException extends ShareException {
    public InsufficientSharesException(String message) {
        super(message);
    }

    public InsufficientSharesException(String message, Throwable cause) {
        super(message, cause);
    }
}
