package org.dataembassy.portal.replication.site;

import java.util.List;

/**
 * A host site's object storage. Names are '/'-separated relative paths of characters
 * {@code [A-Za-z0-9._/-]}, without empty segments or "..".
 *
 * <p>Contract every implementation honours (checked by {@code SiteStoreContract}):
 * <ul>
 *   <li><b>Immutability</b>: {@link #put} of a name that exists with identical bytes is a no-op;
 *       with different bytes it throws {@code ObjectConflictException} and leaves the stored
 *       object unchanged.</li>
 *   <li><b>Atomic visibility</b>: a reader sees either no object or the complete object, never a
 *       partial one, also after a crash of the writer.</li>
 *   <li><b>Durability</b>: when {@link #put} returns, the object survives a crash of the writer.</li>
 *   <li>{@link #get} and {@link #size} of a missing name throw {@code ObjectNotFoundException}.</li>
 *   <li>{@link #list} returns the names starting with the prefix, sorted, complete objects only.</li>
 *   <li>{@link #delete} of a missing name is a no-op.</li>
 *   <li>Failures to reach the storage throw {@code SiteUnavailableException}.</li>
 *   <li>Implementations are safe for concurrent use by several threads.</li>
 * </ul>
 */
public interface SiteStore extends AutoCloseable {

    /** Short name of this site, used in reports. */
    String name();

    void put(String name, byte[] content);

    byte[] get(String name);

    /** Reads {@code length} bytes at {@code offset}; fails with ObjectNotFoundException if the range is not inside the object. */
    byte[] get(String name, long offset, int length);

    List<String> list(String prefix);

    boolean exists(String name);

    long size(String name);

    void delete(String name);

    @Override
    default void close() {
    }

    /** Throws IllegalArgumentException unless {@code name} is a valid object name. */
    static String checkName(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.endsWith("/")
                || !name.matches("[A-Za-z0-9._/-]+") || name.contains("//")) {
            throw new IllegalArgumentException("invalid object name: " + name);
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("invalid object name: " + name);
            }
        }
        return name;
    }
}
