package org.dataembassy.portal.replication;

/** The supplied key-encryption key (or recombined shares) does not match the state's key. */
public class WrongKeyException extends ReplicationException {
    public WrongKeyException(String message) {
        super(message);
    }

    public WrongKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
