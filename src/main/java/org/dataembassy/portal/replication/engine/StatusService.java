package org.dataembassy.portal.replication.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.site.SiteStore;

/** Records and reports per-site replication status from the state folder and live listings. */
final class StatusService {
    private final StateFolder state;

    StatusService(StateFolder state) {
        this.state = state;
    }

    /** Records that {@code site} verifiably holds {@code snapshotId} (created at {@code created}) and these snapshots. */
    void recordVerified(String ds, String site, String snapshotId, Instant created, List<String> snapshotIds) {
        Properties p = new Properties();
        p.setProperty("lastVerifiedSnapshot", snapshotId);
        p.setProperty("lastVerifiedCreated", created.toString());
        p.setProperty("verifiedAt", Instant.now().toString());
        p.setProperty("snapshots", String.join(",", snapshotIds));
        StateFolder.write(state.statusFile(ds, site), p);
    }

    List<SiteStatus> status(String ds, List<SiteStore> sites, Instant now) {
        Map<String, Set<String>> listings = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> union = new HashSet<>();
        for (SiteStore s : sites) {
            try {
                Set<String> snaps = new HashSet<>();
                long total = 0;
                for (String name : s.list(ObjectNames.root(ds))) {
                    total += s.size(name);
                    if (name.startsWith(ObjectNames.snapshotsPrefix(ds)) && ObjectNames.isFormatName(ds, name)) {
                        snaps.add(ObjectNames.id(name));
                    }
                }
                listings.put(s.name(), snaps);
                bytes.put(s.name(), total);
                union.addAll(snaps);
            } catch (ReplicationException e) {
                errors.put(s.name(), e.getMessage());
            }
        }
        List<SiteStatus> out = new ArrayList<>();
        for (SiteStore s : sites) {
            Properties p = StateFolder.read(state.statusFile(ds, s.name()));
            String last = p.getProperty("lastVerifiedSnapshot");
            Instant created = p.getProperty("lastVerifiedCreated") == null ? null : Instant.parse(p.getProperty("lastVerifiedCreated"));
            Duration age = created == null ? null : Duration.between(created, now);
            Set<String> have = listings.containsKey(s.name()) ? listings.get(s.name())
                    : new HashSet<>(Arrays.asList(p.getProperty("snapshots", "").split(",")));
            Set<String> behind = new HashSet<>(union);
            behind.removeAll(have);
            out.add(new SiteStatus(s.name(), !errors.containsKey(s.name()), last, created, age,
                    bytes.getOrDefault(s.name(), -1L), have.size() - (have.contains("") ? 1 : 0), behind.size(), errors.get(s.name())));
        }
        return out;
    }
}
