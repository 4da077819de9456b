package org.dataembassy.portal.replication;

import java.util.List;

/**
 * Objects failed authentication or are missing where they are referenced. {@link #objects()}
 * names every offending object (site-relative object names) so operators can repair them.
 */
public class IntegrityException extends ReplicationException {
    private final List<String> objects;

    public IntegrityException(String message, List<String> objects) {
        super(message + ": " + objects);
        this.objects = List.copyOf(objects);
    }

    public List<String> objects() {
        return objects;
    }
}
