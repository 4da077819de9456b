package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dataembassy.portal.replication.FormatException;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.ObjectNotFoundException;
import org.dataembassy.portal.replication.ProgressListener;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.RestoreResult;
import org.dataembassy.portal.replication.crypto.Compression;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;
import org.dataembassy.portal.replication.format.IndexEntry;
import org.dataembassy.portal.replication.format.Manifest;
import org.dataembassy.portal.replication.format.ManifestEntry;
import org.dataembassy.portal.replication.format.ObjectNames;

/**
 * Restores one snapshot from one site. Before writing anything it checks that every chunk is
 * indexed and every pack is present and long enough; then it authenticates each blob (bound to
 * its chunk id) and checks each file's SHA-256. Failures name the offending objects.
 */
final class Restorer {
    private static final int WINDOW = 16;
    /** Chunks written but not yet hashed: with the window, at most 20 chunks are held. */
    private static final int DIGEST_PENDING = 4;
    private final SiteRepository repo;
    private final FileDigester digester = new FileDigester(DIGEST_PENDING);
    private final DatasetKeys keys;
    private final ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
        Thread t = new Thread(r, "restore-worker");
        t.setDaemon(true);
        return t;
    });

    Restorer(SiteRepository repo, DatasetKeys keys) {
        this.repo = repo;
        this.keys = keys;
    }

    RestoreResult restore(String snapshot, Path requestedTarget, ProgressListener listener) {
        try {
            return restoreAll(snapshot, requestedTarget, listener);
        } finally {
            pool.shutdownNow();
            digester.close();
        }
    }

    private RestoreResult restoreAll(String snapshot, Path requestedTarget, ProgressListener listener) {
        Path target = requestedTarget.toAbsolutePath().normalize();
        String ds = keys.datasetId();
        String name = repo.resolveSnapshot(snapshot);
        Manifest manifest = repo.readManifest(name);
        Map<String, IndexEntry> index = repo.loadIndex(repo.packIds());
        checkAvailable(manifest, index, name);
        prepareTarget(target);
        long total = manifest.entries().stream().mapToLong(ManifestEntry::size).sum();
        ProgressMeter meter = new ProgressMeter("restore", total, listener);
        List<ManifestEntry> dirs = new ArrayList<>();
        List<ManifestEntry> links = new ArrayList<>();
        try {
            for (ManifestEntry e : manifest.entries()) {
                Path p = safeResolve(target, e.path(), name);
                Files.createDirectories(p.getParent());
                switch (e.type()) {
                    case DIRECTORY -> {
                        Files.createDirectories(p);
                        dirs.add(e);
                    }
                    case SYMLINK -> links.add(e); // created last, so no write goes through a link
                    case FILE -> {
                        writeFile(ds, e, p, index, meter);
                        setAttributes(p, e);
                    }
                }
            }
            for (ManifestEntry l : links) {
                Files.createSymbolicLink(safeResolve(target, l.path(), name), Path.of(l.linkTarget()));
            }
            for (int i = dirs.size() - 1; i >= 0; i--) {
                setAttributes(target.resolve(dirs.get(i).path()), dirs.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        meter.done();
        return new RestoreResult(ObjectNames.id(name), manifest.entries().size(), total);
    }

    private void checkAvailable(Manifest m, Map<String, IndexEntry> index, String manifestName) {
        TreeSet<String> problems = new TreeSet<>();
        Map<String, Long> needed = new HashMap<>();
        for (ManifestEntry e : m.entries()) {
            for (String c : e.chunks()) {
                IndexEntry ie = index.get(c);
                if (ie == null) {
                    problems.add(manifestName + " (chunk " + c + " not indexed)");
                } else {
                    needed.merge(ie.packId(), (long) ie.offset() + ie.length(), Math::max);
                }
            }
        }
        for (Map.Entry<String, Long> p : needed.entrySet()) {
            String pack = ObjectNames.pack(keys.datasetId(), p.getKey());
            try {
                if (repo.site().size(pack) < p.getValue()) {
                    problems.add(pack);
                }
            } catch (ObjectNotFoundException e) {
                problems.add(pack);
            }
        }
        if (!problems.isEmpty()) {
            throw new IntegrityException(repo.site().name() + ": cannot restore, missing or truncated objects",
                    new ArrayList<>(problems));
        }
    }

    /**
     * Fetches and opens chunks on the pool, a window ahead; this thread writes them in order while
     * the digester hashes them on its own thread, so hashing and writing overlap.
     */
    private void writeFile(String ds, ManifestEntry e, Path p, Map<String, IndexEntry> index, ProgressMeter meter) throws IOException {
        ArrayDeque<Future<byte[]>> window = new ArrayDeque<>();
        digester.begin();
        Future<String> sha256;
        try (OutputStream out = Files.newOutputStream(p)) {
            for (String c : e.chunks()) {
                IndexEntry ie = index.get(c);
                window.add(pool.submit(() -> fetchChunk(ds, c, ie)));
                if (window.size() >= WINDOW) {
                    writeNext(window, digester, out, meter);
                }
            }
            while (!window.isEmpty()) {
                writeNext(window, digester, out, meter);
            }
        } finally {
            sha256 = digester.end();
        }
        if (!FileDigester.get(sha256).equals(e.sha256())) {
            throw new IntegrityException("restored content hash mismatch for " + e.path(), List.of(e.path()));
        }
    }

    private static void writeNext(ArrayDeque<Future<byte[]>> window, FileDigester digester, OutputStream out, ProgressMeter meter)
            throws IOException {
        byte[] plain;
        try {
            plain = window.poll().get();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ReplicationException("interrupted", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof ReplicationException re) {
                throw re;
            }
            throw new ReplicationException("restore failed: " + ex.getCause(), ex.getCause());
        }
        digester.update(plain);
        out.write(plain);
        meter.advance(plain.length);
    }

    /**
     * Fetches one blob by range, authenticates it (the associated data binds dataset and chunk
     * id) and decompresses it. The chunk id is not recomputed here: the file's SHA-256 from the
     * signed manifest is checked end to end, and scrub recomputes chunk ids.
     */
    private byte[] fetchChunk(String ds, String c, IndexEntry ie) {
        String pack = ObjectNames.pack(ds, ie.packId());
        byte[] sealed;
        try {
            sealed = repo.site().get(pack, ie.offset(), ie.length());
        } catch (ObjectNotFoundException e) {
            // checkAvailable saw it long enough: the site shrank or removed it since, or lied about its size
            throw new IntegrityException(repo.site().name() + ": pack truncated or removed during restore", List.of(pack));
        }
        return Compression.unpack(keys.cipher().open(ObjectType.CHUNK, Hashes.unhex(c), sealed, pack), ie.rawLength(), pack);
    }

    private static void setAttributes(Path p, ManifestEntry e) throws IOException {
        try {
            Files.setPosixFilePermissions(p, TreeScanner.fromMode(e.mode()));
        } catch (UnsupportedOperationException ignored) {
            // non-POSIX file system
        }
        Files.setLastModifiedTime(p, FileTime.fromMillis(e.mtimeMillis()));
    }

    static Path safeResolve(Path target, String path, String manifestName) {
        Path p = target.resolve(path).normalize();
        if (!p.startsWith(target) || p.equals(target)) {
            throw new FormatException(manifestName + ": unsafe path " + path);
        }
        return p;
    }

    private static void prepareTarget(Path target) {
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                try (var s = Files.list(target)) {
                    if (s.findAny().isPresent()) {
                        throw new ReplicationException("restore target is not empty: " + target);
                    }
                }
            }
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
