package org.dataembassy.portal.agreements;

/**
 * A change was based on a state of the version that is no longer stored: someone (or the same person elsewhere)
 * changed it since it was read. Nothing was changed; read the version again and redo the change on it.
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String label, String expected, String current) {
        super(label + " changed since it was read (If-Match " + expected + ", now " + current
                + "): read it again and redo the change; nothing was changed");
    }
}
