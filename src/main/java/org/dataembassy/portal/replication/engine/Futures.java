package org.dataembassy.portal.replication.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.dataembassy.portal.replication.ReplicationException;

/** Waits for pipeline work and turns its failures into the engine's typed errors. */
final class Futures {

    private Futures() {
    }

    static <T> T await(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException("interrupted", e);
        } catch (ExecutionException e) {
            throw new ReplicationException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
