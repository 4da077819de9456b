package org.dataembassy.portal.replication;

/** Base of Shamir share errors. Nothing is decrypted when one is thrown. */
public class ShareException extends ReplicationException {
    public ShareException(String message) {
        super(message);
    }

    public ShareException(String message, Throwable cause) {
        super(message, cause);
    }
}
