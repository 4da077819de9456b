package org.dataembassy.portal.replication.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.dataembassy.portal.replication.crypto.Compression;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;

/**
 * Hashes, deduplicates, compresses and seals chunks on a worker pool while the caller keeps
 * reading; results are delivered to the sink in submission order. A chunk id already in
 * {@code known} (or claimed earlier in this run) yields no sealed blob.
 */
final class ChunkPipeline implements AutoCloseable {
    /** A processed chunk; {@code sealed} is null for duplicates. */
    static final class Processed {
        final String id;
        final int rawLength;
        byte[] sealed;

        Processed(String id, int rawLength, byte[] sealed) {
            this.id = id;
            this.rawLength = rawLength;
            this.sealed = sealed;
        }
    }

    private final DatasetKeys keys;
    private final Set<String> known;
    private final Consumer<Processed> sink;
    private final ExecutorService pool;
    private final ArrayDeque<Future<Processed>> pending = new ArrayDeque<>();
    private final int window;
    private final ThreadLocal<byte[]> framing = ThreadLocal.withInitial(() -> new byte[0]);

    ChunkPipeline(DatasetKeys keys, Set<String> known, int threads, Consumer<Processed> sink) {
        this.keys = keys;
        this.known = known;
        this.sink = sink;
        this.window = threads * 4;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "chunk-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Submits a chunk (the array is owned by the pipeline from now on); returns a handle for its id. */
    Future<Processed> submit(byte[] chunk) {
        Future<Processed> f = pool.submit(() -> process(chunk));
        pending.add(f);
        while (pending.size() > window) {
            drainOne();
        }
        return f;
    }

    private Processed process(byte[] chunk) {
        String id = Hashes.hex(keys.chunkIds().id(chunk, 0, chunk.length));
        if (!known.add(id)) {
            return new Processed(id, chunk.length, null);
        }
        byte[] framed = framingBuffer(chunk.length);
        int n = Compression.packInto(chunk, 0, chunk.length, keys.bundle().compressionLevel(), framed);
        return new Processed(id, chunk.length, keys.cipher().seal(ObjectType.CHUNK, Hashes.unhex(id), framed, 0, n));
    }

    /** This worker's framing buffer, grown to fit (at most one maximum chunk per worker). */
    private byte[] framingBuffer(int chunkLength) {
        byte[] b = framing.get();
        if (b.length < Compression.maxPacked(chunkLength)) {
            b = new byte[Compression.maxPacked(chunkLength)];
            framing.set(b);
        }
        return b;
    }

    void drainAll() {
        while (!pending.isEmpty()) {
            drainOne();
        }
    }

    private void drainOne() {
        Processed p = get(pending.poll());
        if (p.sealed != null) {
            sink.accept(p);
            p.sealed = null;
        }
    }

    static Processed get(Future<Processed> f) {
        return Futures.await(f, "chunk processing");
    }

    static List<String> ids(List<Future<Processed>> futures) {
        List<String> ids = new ArrayList<>(futures.size());
        for (Future<Processed> f : futures) {
            ids.add(get(f).id);
        }
        return ids;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
