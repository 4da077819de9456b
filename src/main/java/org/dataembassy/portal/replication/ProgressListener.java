package org.dataembassy.portal.replication;

/**
 * Receives progress reports. Called from the engine's calling thread, at most once per chunk;
 * implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
