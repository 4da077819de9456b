package org.dataembassy.portal.replication.engine;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * A site seen through a recorder of every byte range the engine read, so a test can tell whether a
 * run that succeeded had the altered bytes in its hands ("in use") or never looked at them.
 */
final class ReadRecorder implements SiteStore {
    private record Read(String name, long offset, long length) {
    }

    private final SiteStore site;
    private final Queue<Read> reads = new ConcurrentLinkedQueue<>();
    private volatile String lyingAbout;
    private volatile long claimedSize;

    ReadRecorder(SiteStore site) {
        this.site = site;
    }

    /**
     * True if a read since the last {@link #clear()} covered byte {@code position} of {@code name} (-1: any
     * byte). A whole-object read covers every position, also past the end: it took the object as complete.
     */
    boolean wasRead(String name, long position) {
        return reads.stream().anyMatch(r -> r.name().equals(name)
                && (position < 0 || (position >= r.offset() && position < r.offset() + r.length())));
    }

    /** Until the next {@link #clear()}, {@link #size} of {@code name} answers {@code size} whatever is stored. */
    void claimSize(String name, long size) {
        claimedSize = size;
        lyingAbout = name;
    }

    void clear() {
        reads.clear();
        lyingAbout = null;
    }

    @Override
    public String name() {
        return site.name();
    }

    @Override
    public void put(String name, byte[] content) {
        site.put(name, content);
    }

    @Override
    public byte[] get(String name) {
        byte[] b = site.get(name);
        reads.add(new Read(name, 0, Long.MAX_VALUE));
        return b;
    }

    @Override
    public byte[] get(String name, long offset, int length) {
        byte[] b = site.get(name, offset, length);
        reads.add(new Read(name, offset, length));
        return b;
    }

    @Override
    public List<String> list(String prefix) {
        return site.list(prefix);
    }

    @Override
    public boolean exists(String name) {
        return site.exists(name);
    }

    @Override
    public long size(String name) {
        return name.equals(lyingAbout) ? claimedSize : site.size(name);
    }

    @Override
    public void delete(String name) {
        site.delete(name);
    }
}
