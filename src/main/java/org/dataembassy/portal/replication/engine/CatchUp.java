package org.dataembassy.portal.replication.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.format.ObjectNames;

/**
 * Brings lagging sites level with their peers by verbatim copies, in write order: key bundles,
 * packs, indexes, snapshots. Content-addressed objects are hash-checked before copying.
 */
final class CatchUp {
    private CatchUp() {
    }

    /** Returns objects copied per site name. Sites whose listing fails are marked failed. */
    static Map<String, Long> run(String ds, List<SiteWriter> writers) {
        Map<String, Long> copied = new LinkedHashMap<>();
        List<String> prefixes = List.of(ObjectNames.keysPrefix(ds), ObjectNames.packsPrefix(ds),
                ObjectNames.indexPrefix(ds), ObjectNames.snapshotsPrefix(ds));
        for (String prefix : prefixes) {
            Map<SiteWriter, List<String>> listings = new LinkedHashMap<>();
            TreeSet<String> union = new TreeSet<>();
            for (SiteWriter w : writers) {
                if (w.failed()) {
                    continue;
                }
                try {
                    List<String> names = w.site().list(prefix).stream().filter(n -> ObjectNames.isFormatName(ds, n)).toList();
                    listings.put(w, names);
                    union.addAll(names);
                } catch (ReplicationException e) {
                    w.fail(e.getMessage());
                }
            }
            for (Map.Entry<SiteWriter, List<String>> target : listings.entrySet()) {
                TreeSet<String> missing = new TreeSet<>(union);
                missing.removeAll(target.getValue());
                for (String name : missing) {
                    if (copy(name, target.getKey(), listings)) {
                        copied.merge(target.getKey().site().name(), 1L, Long::sum);
                    }
                }
            }
        }
        return copied;
    }

    private static boolean copy(String name, SiteWriter target, Map<SiteWriter, List<String>> listings) {
        if (target.failed()) {
            return false;
        }
        for (Map.Entry<SiteWriter, List<String>> source : new ArrayList<>(listings.entrySet())) {
            if (source.getKey() == target || !source.getValue().contains(name)) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = source.getKey().site().get(name);
                if (!name.startsWith(ObjectNames.keysPrefix(KeyService.datasetOf(name)))) {
                    SiteRepository.checkHash(name, bytes);
                }
            } catch (ReplicationException e) {
                continue; // source copy unusable: try another source
            }
            try {
                target.site().put(name, bytes);
                return true;
            } catch (ReplicationException e) {
                target.fail(e.getMessage());
                return false;
            }
        }
        return false;
    }
}
