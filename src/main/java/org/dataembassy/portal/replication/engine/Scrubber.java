package org.dataembassy.portal.replication.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.dataembassy.portal.replication.ObjectProblem;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.SiteScrub;
import org.dataembassy.portal.replication.SiteUnavailableException;
import org.dataembassy.portal.replication.crypto.Compression;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;
import org.dataembassy.portal.replication.format.IndexEntry;
import org.dataembassy.portal.replication.format.Manifest;
import org.dataembassy.portal.replication.format.ManifestEntry;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.format.PackEntry;
import org.dataembassy.portal.replication.format.PackReader;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.keys.KeyBundleCodec;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Reads and authenticates every object of a dataset at each site, checks references (manifest
 * chunks indexed, indexed packs present) and compares listings across sites.
 */
final class Scrubber {
    private final DatasetKeys keys;
    private final Kek kek;

    Scrubber(DatasetKeys keys, Kek kek) {
        this.keys = keys;
        this.kek = kek;
    }

    /** Per-site partial result before the cross-site comparison. */
    private record Partial(SiteStore site, Set<String> names, List<ObjectProblem> damaged, Set<String> missing,
                           long objects, long bytes, String error) {
    }

    ScrubReport scrub(List<SiteStore> sites) {
        List<Partial> partials = new ArrayList<>();
        for (SiteStore s : sites) {
            try {
                partials.add(scrubSite(s));
            } catch (SiteUnavailableException e) {
                partials.add(new Partial(s, Set.of(), List.of(), Set.of(), 0, 0, e.getMessage()));
            }
        }
        Set<String> union = new TreeSet<>();
        partials.stream().filter(p -> p.error() == null)
                .forEach(p -> p.names().stream().filter(n -> ObjectNames.isFormatName(keys.datasetId(), n)).forEach(union::add));
        List<SiteScrub> out = new ArrayList<>();
        for (Partial p : partials) {
            TreeSet<String> missing = new TreeSet<>(p.missing());
            if (p.error() == null) {
                union.stream().filter(n -> !p.names().contains(n)).forEach(missing::add);
            }
            out.add(new SiteScrub(p.site().name(), p.objects(), p.bytes(), p.damaged(), new ArrayList<>(missing), p.error()));
        }
        return new ScrubReport(keys.datasetId(), out);
    }

    private Partial scrubSite(SiteStore site) {
        SiteScan scan = new SiteScan(site);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (String name : new TreeSet<>(scan.names)) {
                checks.add(pool.submit(() -> scan.check(name)));
            }
            for (Future<?> f : checks) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException("scrub interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReplicationException re) {
                throw re;
            }
            throw new ReplicationException("scrub failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return scan.result();
    }

    /**
     * One site's objects as the scrub reads them (by several threads at once): what it counted, what it found
     * damaged, the index and the manifests, from which {@link #result()} derives the references that do not hold.
     */
    private final class SiteScan {
        private final SiteStore site;
        private final String ds = keys.datasetId();
        private final SiteRepository repo;
        private final Set<String> names;
        private final List<ObjectProblem> damaged = Collections.synchronizedList(new ArrayList<>());
        private final AtomicLong objects = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final Map<String, IndexEntry> index = new ConcurrentHashMap<>();
        private final Set<String> indexedPacks = ConcurrentHashMap.newKeySet();
        private final List<Manifest> manifests = Collections.synchronizedList(new ArrayList<>());

        SiteScan(SiteStore site) {
            this.site = site;
            this.repo = new SiteRepository(site, keys);
            this.names = new HashSet<>(site.list(ObjectNames.root(ds)));
        }

        /** Reads and authenticates one object; a site that stops answering fails the whole scan. */
        void check(String name) {
            try {
                if (!ObjectNames.isFormatName(ds, name)) {
                    damaged.add(new ObjectProblem(name, "foreign object (not a name this format writes; e.g. a partial upload)"));
                    return;
                }
                byte[] data = site.get(name);
                objects.incrementAndGet();
                bytes.addAndGet(data.length);
                if (name.startsWith(ObjectNames.keysPrefix(ds))) {
                    KeyBundleCodec.unwrap(data, kek, ds, ObjectNames.keyGeneration(name), name);
                } else if (name.startsWith(ObjectNames.packsPrefix(ds))) {
                    checkPack(name, SiteRepository.checkHash(name, data));
                } else if (name.startsWith(ObjectNames.indexPrefix(ds))) {
                    repo.readIndex(name).forEach(e -> {
                        index.putIfAbsent(e.chunkId(), e);
                        indexedPacks.add(e.packId());
                    });
                } else if (name.startsWith(ObjectNames.snapshotsPrefix(ds))) {
                    manifests.add(repo.readManifest(name));
                } else {
                    damaged.add(new ObjectProblem(name, "unexpected object"));
                }
            } catch (SiteUnavailableException e) {
                throw e;
            } catch (ReplicationException | IllegalArgumentException e) {
                damaged.add(new ObjectProblem(name, e.getMessage()));
            }
        }

        /** The site's findings once every object was checked: damage, then packs indexed but absent. */
        Partial result() {
            List<ObjectProblem> found = new ArrayList<>(damaged);
            found.sort(Comparator.comparing(ObjectProblem::object));
            for (Manifest m : manifests) {
                for (ManifestEntry e : m.entries()) {
                    for (String c : e.chunks()) {
                        if (!index.containsKey(c)) {
                            found.add(new ObjectProblem("chunk " + c, "referenced by a snapshot but not indexed"));
                        }
                    }
                }
            }
            Set<String> missing = new TreeSet<>();
            for (String packId : indexedPacks) {
                String pack = ObjectNames.pack(ds, packId);
                if (!names.contains(pack)) {
                    missing.add(pack);
                }
            }
            return new Partial(site, names, found, missing, objects.get(), bytes.get(), null);
        }
    }

    private void checkPack(String name, byte[] pack) {
        List<PackEntry> entries = PackReader.header(pack, keys.cipher(), name);
        for (PackEntry e : entries) {
            byte[] sealed = Arrays.copyOfRange(pack, e.offset(), e.offset() + e.length());
            byte[] plain = Compression.unpack(keys.cipher().open(ObjectType.CHUNK, Hashes.unhex(e.chunkId()), sealed, name),
                    e.rawLength(), name);
            if (!Hashes.hex(keys.chunkIds().id(plain, 0, plain.length)).equals(e.chunkId())) {
                throw new ReplicationException("chunk id mismatch in pack");
            }
        }
    }
}
