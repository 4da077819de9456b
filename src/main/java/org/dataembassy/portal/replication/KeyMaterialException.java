package org.dataembassy.portal.replication;

/** Key material is missing or unusable, e.g. after crypto-shredding a dataset. */
public class KeyMaterialException extends ReplicationException {
    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
