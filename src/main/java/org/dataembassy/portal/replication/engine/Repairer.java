package org.dataembassy.portal.replication.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.dataembassy.portal.replication.ObjectProblem;
import org.dataembassy.portal.replication.RepairReport;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.SiteScrub;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.keys.KeyBundleCodec;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Replaces damaged or missing objects at a site with verbatim copies from another site whose
 * copy verifies (content hash; key bundles: unwrap under the KEK). Copies follow write order:
 * keys, packs, indexes, snapshots. Never decrypts data.
 */
final class Repairer {
    private final String ds;
    private final Kek kek;

    Repairer(String ds, Kek kek) {
        this.ds = ds;
        this.kek = kek;
    }

    RepairReport repair(ScrubReport report, Map<String, SiteStore> sites) {
        List<String> repaired = new ArrayList<>();
        List<String> unrepaired = new ArrayList<>();
        for (SiteScrub s : report.sites()) {
            if (s.error() != null) {
                continue;
            }
            SiteStore target = sites.get(s.site());
            TreeSet<String> damaged = new TreeSet<>();
            s.damaged().stream().map(ObjectProblem::object).filter(n -> n.startsWith("datasets/")).forEach(damaged::add);
            List<String> todo = new ArrayList<>(damaged);
            todo.addAll(s.missing());
            todo.sort(Comparator.comparingInt(this::order).thenComparing(n -> n));
            for (String name : todo) {
                if (!ObjectNames.isFormatName(ds, name)) {
                    target.delete(name); // never referenced: names in use are content hashes
                    repaired.add(s.site() + ":" + name + " deleted (foreign object)");
                    continue;
                }
                String from = copy(name, target, sites, damaged.contains(name));
                if (from == null) {
                    unrepaired.add(s.site() + ":" + name);
                } else {
                    repaired.add(s.site() + ":" + name + "<-" + from);
                }
            }
        }
        return new RepairReport(repaired, unrepaired);
    }

    private int order(String name) {
        if (name.startsWith(ObjectNames.keysPrefix(ds))) {
            return 0;
        }
        if (name.startsWith(ObjectNames.packsPrefix(ds))) {
            return 1;
        }
        return name.startsWith(ObjectNames.indexPrefix(ds)) ? 2 : 3;
    }

    private String copy(String name, SiteStore target, Map<String, SiteStore> sites, boolean replace) {
        for (SiteStore source : sites.values()) {
            if (source == target) {
                continue;
            }
            try {
                byte[] bytes = source.get(name);
                if (name.startsWith(ObjectNames.keysPrefix(ds))) {
                    KeyBundleCodec.unwrap(bytes, kek, ds, ObjectNames.keyGeneration(name), name);
                } else {
                    SiteRepository.checkHash(name, bytes);
                }
                if (replace) {
                    target.delete(name);
                }
                target.put(name, bytes);
                return source.name();
            } catch (ReplicationException e) {
                // try the next source
            }
        }
        return null;
    }
}
