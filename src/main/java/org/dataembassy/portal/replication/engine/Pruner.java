package org.dataembassy.portal.replication.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dataembassy.portal.replication.PruneResult;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.RetentionPolicy;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;
import org.dataembassy.portal.replication.format.IndexCodec;
import org.dataembassy.portal.replication.format.IndexEntry;
import org.dataembassy.portal.replication.format.Manifest;
import org.dataembassy.portal.replication.format.ManifestEntry;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Forgets snapshots by policy and prunes unreferenced data at every site, references first:
 * manifests, then a new consolidated index is written, then old indexes, then dead packs are
 * deleted. Every step completes at all sites before the next starts; any failure aborts.
 */
final class Pruner {
    private final DatasetKeys keys;

    Pruner(DatasetKeys keys) {
        this.keys = keys;
    }

    PruneResult prune(RetentionPolicy policy, List<SiteStore> sites, Instant now) {
        Map<String, Manifest> manifests = readManifests(sites);
        Set<String> keep = snapshotsToKeep(manifests, policy, now);
        List<String> forget = manifests.keySet().stream().filter(n -> !keep.contains(n)).sorted().toList();
        Set<String> referenced = new HashSet<>();
        keep.forEach(n -> manifests.get(n).entries().stream().map(ManifestEntry::chunks).forEach(referenced::addAll));
        Indexes indexes = readIndexes(sites);
        // a pack stays if it holds any referenced chunk and exists somewhere; entries of lost packs are dropped
        Set<String> livePacks = new TreeSet<>();
        indexes.entries().stream().filter(e -> referenced.contains(e.chunkId()) && indexes.presentPacks().contains(e.packId()))
                .forEach(e -> livePacks.add(e.packId()));
        List<IndexEntry> live = indexes.entries().stream().filter(e -> livePacks.contains(e.packId())).toList();
        Set<String> covered = new HashSet<>();
        live.forEach(e -> covered.add(e.chunkId()));
        if (!covered.containsAll(referenced)) {
            throw new ReplicationException("prune aborted: a kept snapshot references chunks whose packs exist at no site; run scrub");
        }
        for (SiteStore s : sites) {
            forget.forEach(s::delete);
        }
        String newIndex = live.isEmpty() ? null : writeIndex(live, sites);
        int indexesDeleted = 0;
        for (SiteStore s : sites) {
            for (String old : indexes.names()) {
                if (!old.equals(newIndex)) {
                    s.delete(old);
                    indexesDeleted++;
                }
            }
        }
        int packsDeleted = deleteDeadPacks(sites, livePacks);
        return new PruneResult(forget.stream().map(ObjectNames::id).toList(), indexesDeleted, packsDeleted);
    }

    /** Every snapshot's manifest, read once from the first site that has it. */
    private Map<String, Manifest> readManifests(List<SiteStore> sites) {
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        for (SiteStore s : sites) {
            SiteRepository repo = new SiteRepository(s, keys);
            for (String name : repo.snapshotNames()) {
                manifests.computeIfAbsent(name, repo::readManifest);
            }
        }
        return manifests;
    }

    /** The newest snapshot always, the policy's last N and those within its period. */
    private static Set<String> snapshotsToKeep(Map<String, Manifest> manifests, RetentionPolicy policy, Instant now) {
        List<String> byAge = new ArrayList<>(manifests.keySet());
        byAge.sort(Comparator.comparingLong((String n) -> manifests.get(n).createdMillis()).reversed());
        Set<String> keep = new HashSet<>();
        for (int i = 0; i < byAge.size(); i++) {
            long created = manifests.get(byAge.get(i)).createdMillis();
            boolean recent = policy.keepWithin() != null && created >= now.minus(policy.keepWithin()).toEpochMilli();
            if (i == 0 || i < policy.keepLast() || recent) {
                keep.add(byAge.get(i));
            }
        }
        return keep;
    }

    /** The indexes of every site: their names, their entries merged, and the packs some site holds. */
    private record Indexes(Set<String> names, Set<IndexEntry> entries, Set<String> presentPacks) {
    }

    private Indexes readIndexes(List<SiteStore> sites) {
        Indexes indexes = new Indexes(new TreeSet<>(), new LinkedHashSet<>(), new HashSet<>());
        for (SiteStore s : sites) {
            SiteRepository repo = new SiteRepository(s, keys);
            indexes.presentPacks().addAll(repo.packIds());
            for (String name : repo.formatNames(ObjectNames.indexPrefix(keys.datasetId()))) {
                indexes.names().add(name);
                indexes.entries().addAll(repo.readIndex(name));
            }
        }
        return indexes;
    }

    /** Writes one consolidated index of the live entries to every site; returns its name. */
    private String writeIndex(List<IndexEntry> live, List<SiteStore> sites) {
        byte[] sealed = keys.cipher().seal(ObjectType.INDEX, new byte[0], IndexCodec.encode(live));
        String name = ObjectNames.index(keys.datasetId(), Hashes.sha256Hex(sealed));
        for (SiteStore s : sites) {
            s.put(name, sealed);
        }
        return name;
    }

    private int deleteDeadPacks(List<SiteStore> sites, Set<String> livePacks) {
        int deleted = 0;
        for (SiteStore s : sites) {
            for (String pack : s.list(ObjectNames.packsPrefix(keys.datasetId()))) {
                if (!livePacks.contains(ObjectNames.id(pack))) {
                    s.delete(pack);
                    deleted++;
                }
            }
        }
        return deleted;
    }
}
