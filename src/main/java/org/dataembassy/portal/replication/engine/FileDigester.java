package org.dataembassy.portal.replication.engine;

import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.dataembassy.portal.replication.crypto.Hashes;

/**
 * Computes whole-file SHA-256 digests on a thread of its own, so the reading thread only reads
 * and cuts chunks (replication) or writes them (restore). Chunks are hashed in submission order;
 * at most {@code maxPending} chunks wait, which bounds the memory they hold. Chunk arrays must not
 * change after submission.
 */
final class FileDigester implements AutoCloseable {
    private static final int MAX_PENDING = 16;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "file-digest");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore pending;
    private MessageDigest digest;

    FileDigester() {
        this(MAX_PENDING);
    }

    /** At most {@code maxPending} chunks wait to be hashed. */
    FileDigester(int maxPending) {
        this.pending = new Semaphore(maxPending);
    }

    /** Starts a new file. */
    void begin() {
        MessageDigest d = Hashes.sha256();
        thread.execute(() -> digest = d);
    }

    void update(byte[] chunk) {
        pending.acquireUninterruptibly();
        thread.execute(() -> {
            try {
                digest.update(chunk);
            } finally {
                pending.release();
            }
        });
    }

    /** Ends the current file; the future yields its hex SHA-256. */
    Future<String> end() {
        return thread.submit(() -> Hashes.hex(digest.digest()));
    }

    static String get(Future<String> f) {
        return Futures.await(f, "file digest");
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
