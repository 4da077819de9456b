package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.ProgressListener;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.SiteOutcome;
import org.dataembassy.portal.replication.SiteUnavailableException;
import org.dataembassy.portal.replication.chunking.ChunkStream;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;
import org.dataembassy.portal.replication.format.EntryType;
import org.dataembassy.portal.replication.format.IndexCodec;
import org.dataembassy.portal.replication.format.IndexEntry;
import org.dataembassy.portal.replication.format.Manifest;
import org.dataembassy.portal.replication.format.ManifestCodec;
import org.dataembassy.portal.replication.format.ManifestEntry;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.format.PackBuilder;
import org.dataembassy.portal.replication.site.SiteStore;

/** One replication run: catch up lagging sites, then chunk, seal and send new data to every site in parallel. */
final class Replicator {
    static final int PACKS_PER_INDEX = 4;
    private final DatasetKeys keys;
    private final byte[] signingKey;
    private final String stateId;
    private final List<SiteWriter> writers = new ArrayList<>();
    private final List<IndexEntry> pendingIndex = new ArrayList<>();
    private PackBuilder pack;
    private int packsSinceIndex;
    private long newChunks;
    private long newChunkBytes;

    Replicator(DatasetKeys keys, byte[] signingKey, String stateId, List<SiteStore> sites, ReplicateRequest req) {
        this.keys = keys;
        this.signingKey = signingKey;
        this.stateId = stateId;
        Semaphore inFlight = new Semaphore(3 * Math.max(1, sites.size()));
        for (SiteStore s : sites) {
            writers.add(new SiteWriter(s, inFlight, req.pacing()));
        }
        this.pack = new PackBuilder(keys.bundle().packSize());
    }

    ReplicateResult run(ReplicateRequest req, ProgressListener listener) {
        String ds = keys.datasetId();
        TreeScanner.Scan scan = TreeScanner.scan(req.source());
        Map<String, Long> caughtUp = CatchUp.run(ds, writers);
        writers.forEach(w -> w.caughtUp(caughtUp.getOrDefault(w.site().name(), 0L)));
        Set<String> known = knownChunks(ds);
        Map<String, ManifestEntry> parent = req.rereadAll() ? Map.of() : parentEntries();
        if (writers.stream().allMatch(SiteWriter::failed)) {
            List<SiteOutcome> outcomes = writers.stream().map(SiteWriter::finish).toList();
            throw new SiteUnavailableException("no site reachable: " + outcomes.stream().map(SiteOutcome::error).toList());
        }
        ProgressMeter meter = new ProgressMeter("replicate", scan.totalBytes(), listener);
        List<ManifestEntry> entries = new ArrayList<>();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (ChunkPipeline pipeline = new ChunkPipeline(keys, known, threads, this::addToPack);
             FileDigester digester = new FileDigester()) {
            ChunkStream chunker = new ChunkStream(keys.cdc());
            List<PendingFile> pending = new ArrayList<>();
            for (TreeScanner.SourceEntry e : scan.entries()) {
                ManifestEntry prev = parent.get(e.path());
                if (e.type() != EntryType.FILE) {
                    entries.add(new ManifestEntry(e.type(), e.path(), e.mode(), e.mtimeMillis(), 0, "", e.linkTarget(), List.of()));
                } else if (unchanged(prev, e, known)) {
                    entries.add(new ManifestEntry(EntryType.FILE, e.path(), e.mode(), e.mtimeMillis(), prev.size(),
                            prev.sha256(), null, prev.chunks()));
                    meter.advance(e.size());
                } else {
                    pending.add(submit(e, entries.size(), chunker, digester, pipeline, meter));
                    entries.add(null); // filled in once its chunks are processed
                }
            }
            pipeline.drainAll();
            for (PendingFile file : pending) {
                entries.set(file.slot(), file.entry());
            }
        }
        flushPack();
        flushIndex();
        Manifest manifest = new Manifest(ds, System.currentTimeMillis(), stateId, req.label() == null ? "" : req.label(), entries);
        byte[] sealed = ManifestCodec.seal(manifest, signingKey, keys.cipher());
        String snapshotId = Hashes.sha256Hex(sealed);
        writers.forEach(w -> w.put(ObjectNames.snapshot(ds, snapshotId), sealed, false));
        List<SiteOutcome> outcomes = writers.stream().map(SiteWriter::finish).toList();
        meter.done();
        long fileCount = entries.stream().filter(e -> e.type() == EntryType.FILE).count();
        return new ReplicateResult(snapshotId, fileCount, scan.totalBytes(), newChunks, newChunkBytes, scan.warnings(), outcomes);
    }

    /** A file the previous snapshot has with the same size and mtime, all of whose chunks are still stored. */
    private static boolean unchanged(ManifestEntry prev, TreeScanner.SourceEntry e, Set<String> known) {
        return prev != null && prev.type() == EntryType.FILE && prev.size() == e.size()
                && prev.mtimeMillis() == e.mtimeMillis() && known.containsAll(prev.chunks());
    }

    /** Reads a file once: its chunks go to the pipeline as they are cut, its digest is computed on the way. */
    private static PendingFile submit(TreeScanner.SourceEntry e, int slot, ChunkStream chunker, FileDigester digester,
                                      ChunkPipeline pipeline, ProgressMeter meter) {
        List<Future<ChunkPipeline.Processed>> chunks = new ArrayList<>();
        digester.begin();
        try (InputStream in = Files.newInputStream(e.file())) {
            long size = chunker.split(in, (buf, off, len) -> {
                byte[] chunk = Arrays.copyOfRange(buf, off, off + len);
                digester.update(chunk);
                chunks.add(pipeline.submit(chunk));
                meter.advance(len);
            });
            return new PendingFile(slot, e, size, digester.end(), chunks);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + e.file(), ex);
        }
    }

    /** A file read and submitted whose chunks and digest are still being processed; {@code slot} is its place. */
    private record PendingFile(int slot, TreeScanner.SourceEntry source, long size, Future<String> sha256,
                               List<Future<ChunkPipeline.Processed>> chunks) {

        ManifestEntry entry() {
            return new ManifestEntry(EntryType.FILE, source.path(), source.mode(), source.mtimeMillis(), size,
                    FileDigester.get(sha256), null, ChunkPipeline.ids(chunks));
        }
    }

    /**
     * Chunks that need not be sent again: indexed at some reachable site and whose pack is
     * present at every reachable site (after catch-up). A chunk whose pack was lost everywhere is
     * sent again rather than referenced, so a new snapshot never points at missing data.
     */
    private Set<String> knownChunks(String ds) {
        Map<String, IndexEntry> index = new HashMap<>();
        List<Set<String>> packSets = new ArrayList<>();
        for (SiteWriter w : writers) {
            if (!w.failed()) {
                try {
                    SiteRepository repo = new SiteRepository(w.site(), keys);
                    Set<String> present = repo.packIds();
                    repo.loadIndex(present).forEach(index::putIfAbsent);
                    packSets.add(present);
                } catch (SiteUnavailableException | IntegrityException e) {
                    w.fail(e.getMessage() + " (run scrub/repair)");
                }
            }
        }
        Set<String> known = ConcurrentHashMap.newKeySet();
        index.forEach((chunk, entry) -> {
            if (packSets.stream().allMatch(set -> set.contains(entry.packId()))) {
                known.add(chunk);
            }
        });
        return known;
    }

    /** Entries of the newest snapshot at the first usable site (empty if none or unreadable). */
    private Map<String, ManifestEntry> parentEntries() {
        for (SiteWriter w : writers) {
            if (w.failed()) {
                continue;
            }
            try {
                SiteRepository repo = new SiteRepository(w.site(), keys);
                Manifest newest = null;
                for (String name : repo.snapshotNames()) {
                    Manifest m = repo.readManifest(name);
                    if (newest == null || m.createdMillis() > newest.createdMillis()) {
                        newest = m;
                    }
                }
                Map<String, ManifestEntry> byPath = new HashMap<>();
                if (newest != null) {
                    newest.entries().forEach(e -> byPath.put(e.path(), e));
                }
                return byPath;
            } catch (ReplicationException e) {
                // try the next site; worst case every file is read again
            }
        }
        return Map.of();
    }

    private void addToPack(ChunkPipeline.Processed p) {
        pack.add(p.id, p.sealed, p.rawLength);
        newChunks++;
        newChunkBytes += p.rawLength;
        if (pack.size() >= keys.bundle().packSize()) {
            flushPack();
        }
    }

    private void flushPack() {
        if (pack.isEmpty()) {
            return;
        }
        PackBuilder.Pack done = pack.finish(keys.cipher());
        pack = new PackBuilder(keys.bundle().packSize());
        String name = ObjectNames.pack(keys.datasetId(), done.id());
        writers.forEach(w -> w.put(name, done.bytes(), true));
        done.entries().forEach(e -> pendingIndex.add(new IndexEntry(e.chunkId(), done.id(), e.offset(), e.length(), e.rawLength())));
        if (++packsSinceIndex >= PACKS_PER_INDEX) {
            flushIndex();
        }
    }

    private void flushIndex() {
        if (pendingIndex.isEmpty()) {
            return;
        }
        byte[] sealed = keys.cipher().seal(ObjectType.INDEX, new byte[0], IndexCodec.encode(pendingIndex));
        String name = ObjectNames.index(keys.datasetId(), Hashes.sha256Hex(sealed));
        writers.forEach(w -> w.put(name, sealed, false));
        pendingIndex.clear();
        packsSinceIndex = 0;
    }
}
