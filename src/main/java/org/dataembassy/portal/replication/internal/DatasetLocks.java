package org.dataembassy.portal.replication.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-process serialisation of replication work. Work on one dataset runs one call at a time; work that
 * takes the engine's state lock (replicate) additionally runs one at a time per state, because the
 * engine's lock is a non-blocking OS file lock on the whole state folder and would otherwise fail a
 * concurrent replication of another dataset with StateLockedException. Locks are always taken in the
 * order dataset, then state, so they cannot deadlock. Both are fair: waiting jobs go in arrival order.
 */
public final class DatasetLocks {

    private final ConcurrentHashMap<String, ReentrantLock> datasets = new ConcurrentHashMap<>();
    private final ReentrantLock state = new ReentrantLock(true);

    /** Runs {@code work} holding the dataset's lock. */
    public <T> T onDataset(String datasetId, Supplier<T> work) {
        ReentrantLock lock = datasets.computeIfAbsent(datasetId, id -> new ReentrantLock(true));
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} holding the dataset's lock and the state lock. */
    public <T> T onDatasetAndState(String datasetId, Supplier<T> work) {
        return onDataset(datasetId, () -> {
            state.lock();
            try {
                return work.get();
            } finally {
                state.unlock();
            }
        });
    }
}
