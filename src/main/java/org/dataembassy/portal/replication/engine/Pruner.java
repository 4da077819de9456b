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
        String ds = keys.datasetId();
        Map<String, Manifest> manifests = new LinkedHashMap<>();
        for (SiteStore s : sites) {
            SiteRepository repo = new SiteRepository(s, keys);
            for (String name : repo.snapshotNames()) {
                manifests.computeIfAbsent(name, repo::readManifest);
            }
        }
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
        List<String> forget = byAge.stream().filter(n -> !keep.contains(n)).sorted().toList();
        Set<String> referenced = new HashSet<>();
        keep.forEach(n -> manifests.get(n).entries().stream().map(ManifestEntry::chunks).forEach(referenced::addAll));
        Set<IndexEntry> entries = new LinkedHashSet<>();
        Set<String> oldIndexes = new TreeSet<>();
        Set<String> present = new HashSet<>();
        for (SiteStore s : sites) {
            SiteRepository repo = new SiteRepository(s, keys);
            present.addAll(repo.packIds());
            for (String name : repo.formatNames(ObjectNames.indexPrefix(ds))) {
                oldIndexes.add(name);
                entries.addAll(repo.readIndex(name));
            }
        }
        // a pack stays if it holds any referenced chunk and exists somewhere; entries of lost packs are dropped
        Set<String> livePacks = new TreeSet<>();
        entries.stream().filter(e -> referenced.contains(e.chunkId()) && present.contains(e.packId()))
                .forEach(e -> livePacks.add(e.packId()));
        List<IndexEntry> live = entries.stream().filter(e -> livePacks.contains(e.packId())).toList();
        Set<String> covered = new HashSet<>();
        live.forEach(e -> covered.add(e.chunkId()));
        if (!covered.containsAll(referenced)) {
            throw new ReplicationException("prune aborted: a kept snapshot references chunks whose packs exist at no site; run scrub");
        }
        for (SiteStore s : sites) {
            forget.forEach(s::delete);
        }
        String newIndex = null;
        if (!live.isEmpty()) {
            byte[] sealed = keys.cipher().seal(ObjectType.INDEX, new byte[0], IndexCodec.encode(live));
            newIndex = ObjectNames.index(ds, Hashes.sha256Hex(sealed));
            for (SiteStore s : sites) {
                s.put(newIndex, sealed);
            }
        }
        int indexesDeleted = 0;
        int packsDeleted = 0;
        for (SiteStore s : sites) {
            for (String old : oldIndexes) {
                if (!old.equals(newIndex)) {
                    s.delete(old);
                    indexesDeleted++;
                }
            }
        }
        for (SiteStore s : sites) {
            for (String pack : s.list(ObjectNames.packsPrefix(ds))) {
                if (!livePacks.contains(ObjectNames.id(pack))) {
                    s.delete(pack);
                    packsDeleted++;
                }
            }
        }
        return new PruneResult(forget.stream().map(ObjectNames::id).toList(), indexesDeleted, packsDeleted);
    }
}
