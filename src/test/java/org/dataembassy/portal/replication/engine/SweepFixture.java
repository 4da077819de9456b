package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.replication.DatasetSettings;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.TestTrees;
import org.dataembassy.portal.replication.format.IndexEntry;
import org.dataembassy.portal.replication.format.Manifest;
import org.dataembassy.portal.replication.format.ManifestEntry;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.site.FolderSiteStore;
import org.dataembassy.portal.replication.site.InMemorySiteStore;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Two datasets, {@code ds-a} and {@code ds-b}, of one state with the same small tree, replicated to a
 * folder site and an in-memory site. The tree has small files, an empty file, a directory, a symlink and
 * {@code big.bin} (3 KiB of text, then 13 KiB of random bytes: 16 chunks, compressed and raw, spread over
 * all four packs; the last pack also holds the small files). Chunks are fixed at 1 KiB (min = avg = max)
 * and packs close at 4 KiB, so every object has the same size on every run and in both datasets: the gear
 * seed, random per dataset, would otherwise move the cut points. The local key copies are deleted after
 * replication: readers open the keys from the site, as in a restore from the KEK and one site.
 */
final class SweepFixture {
    static final String A = "ds-a";
    static final String B = "ds-b";
    final Path stateDir;
    final Path source;
    final Kek kek = Kek.generate();
    final HostileSite folder;
    final HostileSite memory;
    final Map<String, String> expected;

    SweepFixture(Path root) {
        stateDir = root.resolve("state");
        source = writeTree(root.resolve("source"));
        folder = HostileSite.folder(new FolderSiteStore("folder", root.resolve("site-folder")));
        memory = HostileSite.memory(new InMemorySiteStore("memory"));
        LocalReplicationEngine.initState(stateDir, kek);
        try (LocalReplicationEngine engine = open(folder, memory)) {
            for (String ds : List.of(A, B)) {
                engine.createDataset(new DatasetSettings(ds, 1024, 1024, 1024, 4096, 3));
                if (!engine.replicate(new ReplicateRequest(ds, source, "sweep"), p -> { }).complete()) {
                    throw new IllegalStateException("replication of " + ds + " incomplete");
                }
            }
        }
        for (String ds : List.of(A, B)) {
            new KeyService(new StateFolder(stateDir), kek).localCopies(ds)
                    .forEach(w -> delete(stateDir.resolve("datasets").resolve(ds).resolve("keys").resolve(ObjectNames.id(w.name()))));
        }
        expected = TestTrees.describe(source);
    }

    LocalReplicationEngine open(HostileSite... sites) {
        Map<String, SiteStore> stores = new LinkedHashMap<>();
        for (HostileSite s : sites) {
            stores.put(s.name(), s.store());
        }
        return LocalReplicationEngine.open(stateDir, kek, stores);
    }

    ReaderProbe probe(HostileSite site, Path scratch) {
        return new ReaderProbe(stateDir, kek, site, expected, scratch);
    }

    /** Name of the pack holding chunk {@code chunk} of {@code path} in the snapshot of {@code ds}. */
    String packHolding(HostileSite site, String ds, String path, int chunk) {
        try (LocalReplicationEngine engine = open(site)) {
            SiteRepository repo = new SiteRepository(site.store(), engine.datasetKeys(ds));
            Manifest m = repo.readManifest(repo.snapshotNames().get(0));
            ManifestEntry e = m.entries().stream().filter(x -> x.path().equals(path)).findFirst().orElseThrow();
            IndexEntry ie = repo.loadIndex().get(e.chunks().get(chunk));
            return ObjectNames.pack(ds, ie.packId());
        }
    }

    /** Offsets and lengths of the blobs of {@code pack}, in pack order, from the index. */
    List<IndexEntry> blobsOf(HostileSite site, String ds, String pack) {
        try (LocalReplicationEngine engine = open(site)) {
            return new SiteRepository(site.store(), engine.datasetKeys(ds)).loadIndex().values().stream()
                    .filter(ie -> ObjectNames.pack(ds, ie.packId()).equals(pack))
                    .sorted((x, y) -> Integer.compare(x.offset(), y.offset())).toList();
        }
    }

    private static Path writeTree(Path src) {
        byte[] text = "id;name;parcel;area\n".repeat(160).getBytes(StandardCharsets.US_ASCII);
        byte[] big = new byte[16 * 1024];
        System.arraycopy(text, 0, big, 0, 3 * 1024);
        System.arraycopy(TestTrees.random(41, 13 * 1024), 0, big, 3 * 1024, 13 * 1024);
        TestTrees.write(src, "big.bin", big);
        TestTrees.write(src, "empty", new byte[0]);
        TestTrees.write(src, "small/a.txt", "a small register extract\n".getBytes(StandardCharsets.US_ASCII));
        TestTrees.write(src, "small/b.csv", Arrays.copyOf(text, 900));
        TestTrees.write(src, "small/c.bin", TestTrees.random(42, 700));
        try {
            Files.createDirectories(src.resolve("dir"));
            Files.createSymbolicLink(src.resolve("link"), Path.of("small/a.txt"));
            long t = 1_700_000_000_000L;
            for (String p : List.of("big.bin", "empty", "small/a.txt", "small/b.csv", "small/c.bin", "small", "dir")) {
                Files.setLastModifiedTime(src.resolve(p), FileTime.fromMillis(t += 1000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return src;
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
