package org.dataembassy.portal.replication.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.SiteUnavailableException;
import org.dataembassy.portal.replication.SnapshotInfo;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;
import org.dataembassy.portal.replication.format.IndexCodec;
import org.dataembassy.portal.replication.format.IndexEntry;
import org.dataembassy.portal.replication.format.Manifest;
import org.dataembassy.portal.replication.format.ManifestCodec;
import org.dataembassy.portal.replication.format.ManifestEntry;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.site.SiteStore;

/** Reads a dataset's index and manifests at one site, verifying content hashes and seals. */
public final class SiteRepository {
    private final SiteStore site;
    private final DatasetKeys keys;
    private final String ds;
    /** Manifests already read, checked and opened through this instance (objects are immutable). */
    private final Map<String, Manifest> manifests = new ConcurrentHashMap<>();

    public SiteRepository(SiteStore site, DatasetKeys keys) {
        this.site = site;
        this.keys = keys;
        this.ds = keys.datasetId();
    }

    public SiteStore site() {
        return site;
    }

    /** Verifies the object's name is the SHA-256 of its bytes. */
    public static byte[] checkHash(String name, byte[] bytes) {
        if (!Hashes.sha256Hex(bytes).equals(ObjectNames.id(name))) {
            throw new IntegrityException("content hash mismatch", List.of(name));
        }
        return bytes;
    }

    public List<IndexEntry> readIndex(String name) {
        byte[] plain = keys.cipher().open(ObjectType.INDEX, new byte[0], checkHash(name, site.get(name)), name);
        return IndexCodec.decode(plain, name);
    }

    /** Union of all index objects at this site (chunk id to entry). */
    public Map<String, IndexEntry> loadIndex() {
        return loadIndex(null);
    }

    /**
     * Union of all index objects at this site. A chunk indexed in several packs maps to one
     * whose pack id is in {@code presentPacks} when that set is given.
     */
    public Map<String, IndexEntry> loadIndex(Set<String> presentPacks) {
        Map<String, IndexEntry> index = new HashMap<>();
        List<String> bad = new ArrayList<>();
        for (String name : formatNames(ObjectNames.indexPrefix(ds))) {
            try {
                for (IndexEntry e : readIndex(name)) {
                    IndexEntry had = index.putIfAbsent(e.chunkId(), e);
                    if (had != null && presentPacks != null && !presentPacks.contains(had.packId())
                            && presentPacks.contains(e.packId())) {
                        index.put(e.chunkId(), e);
                    }
                }
            } catch (IntegrityException e) {
                bad.add(name);
            } catch (ReplicationException e) {
                if (e instanceof SiteUnavailableException) {
                    throw e;
                }
                bad.add(name);
            }
        }
        if (!bad.isEmpty()) {
            throw new IntegrityException(site.name() + ": damaged index objects", bad);
        }
        return index;
    }

    /** Ids of the packs listed at this site. */
    public Set<String> packIds() {
        Set<String> ids = new HashSet<>();
        formatNames(ObjectNames.packsPrefix(ds)).forEach(n -> ids.add(ObjectNames.id(n)));
        return ids;
    }

    /**
     * Reads, hash-checks, authenticates and signature-checks a manifest. Objects are immutable and
     * content addressed, so a manifest opened once through this instance is not read again (restore
     * of "latest" used to open the newest manifest twice: once to find it, once to restore it).
     */
    public Manifest readManifest(String name) {
        Manifest m = manifests.get(name);
        if (m == null) {
            m = ManifestCodec.open(checkHash(name, site.get(name)), keys.cipher(), keys.bundle().signingPublicKey(), ds, name);
            manifests.put(name, m);
        }
        return m;
    }

    public List<String> snapshotNames() {
        return formatNames(ObjectNames.snapshotsPrefix(ds));
    }

    /** Names under {@code prefix} that this format writes; foreign leftovers are skipped. */
    public List<String> formatNames(String prefix) {
        return site.list(prefix).stream().filter(n -> ObjectNames.isFormatName(ds, n)).toList();
    }

    public List<SnapshotInfo> snapshots() {
        List<SnapshotInfo> out = new ArrayList<>();
        for (String name : snapshotNames()) {
            Manifest m = readManifest(name);
            long bytes = m.entries().stream().mapToLong(ManifestEntry::size).sum();
            out.add(new SnapshotInfo(ObjectNames.id(name), Instant.ofEpochMilli(m.createdMillis()), m.label(),
                    m.stateId(), m.entries().size(), bytes));
        }
        out.sort((a, b) -> a.created().compareTo(b.created()));
        return out;
    }

    /** Resolves "latest", a full id or a unique prefix to a snapshot object name. */
    public String resolveSnapshot(String idOrPrefix) {
        if (idOrPrefix == null || idOrPrefix.equals("latest")) {
            List<SnapshotInfo> all = snapshots();
            if (all.isEmpty()) {
                throw new ReplicationException(site.name() + ": dataset " + ds + " has no snapshot");
            }
            return ObjectNames.snapshot(ds, all.get(all.size() - 1).id());
        }
        List<String> matches = snapshotNames().stream().filter(n -> ObjectNames.id(n).startsWith(idOrPrefix)).toList();
        if (matches.size() != 1) {
            throw new ReplicationException(site.name() + ": snapshot " + idOrPrefix
                    + (matches.isEmpty() ? " not found" : " is ambiguous"));
        }
        return matches.get(0);
    }
}
