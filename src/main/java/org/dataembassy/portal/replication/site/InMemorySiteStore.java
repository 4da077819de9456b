package org.dataembassy.portal.replication.site;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.dataembassy.portal.replication.ObjectConflictException;
import org.dataembassy.portal.replication.ObjectNotFoundException;

/** Site kept in memory; for tests and embedding. Honours the full {@link SiteStore} contract. */
public final class InMemorySiteStore implements SiteStore {
    private final String name;
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();

    public InMemorySiteStore(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void put(String key, byte[] content) {
        byte[] copy = content.clone();
        byte[] previous = objects.putIfAbsent(SiteStore.checkName(key), copy);
        if (previous != null && !Arrays.equals(previous, copy)) {
            throw new ObjectConflictException(name + ": object exists with different content: " + key);
        }
    }

    @Override
    public byte[] get(String key) {
        return found(key).clone();
    }

    @Override
    public byte[] get(String key, long offset, int length) {
        byte[] all = found(key);
        if (offset < 0 || length < 0 || offset + length > all.length) {
            throw new ObjectNotFoundException(name + ": range outside object " + key);
        }
        return Arrays.copyOfRange(all, (int) offset, (int) offset + length);
    }

    @Override
    public List<String> list(String prefix) {
        return objects.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(key);
    }

    @Override
    public long size(String key) {
        return found(key).length;
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    /** Test hook: replaces an object's bytes, bypassing immutability (simulates site damage). */
    public void tamper(String key, byte[] content) {
        objects.put(key, content.clone());
    }

    private byte[] found(String key) {
        byte[] content = objects.get(key);
        if (content == null) {
            throw new ObjectNotFoundException(name + ": no such object: " + key);
        }
        return content;
    }
}
