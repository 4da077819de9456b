package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dataembassy.portal.replication.EvacuationEvidence;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Evacuates one site: deletes every object of a dataset there — snapshots first, then indexes, packs and
 * finally the wrapped key bundles, so references go before the objects they point to (a crash midway leaves
 * no snapshot naming a missing pack) — then lists the site again to prove nothing is left, forgets the
 * site's recorded status and writes the evidence file. Other sites and the local key copies are untouched.
 * Idempotent: a repeated run deletes nothing and proves the empty listing again.
 */
final class Evacuator {
    private final StateFolder state;

    Evacuator(StateFolder state) {
        this.state = state;
    }

    EvacuationEvidence evacuate(String ds, SiteStore site) {
        Instant started = Instant.now();
        List<String> names = new ArrayList<>(site.list(ObjectNames.root(ds)));
        names.sort(Comparator.comparingInt((String n) -> rank(ds, n)).thenComparing(n -> n));
        List<String> lines = new ArrayList<>();
        long bytes = 0;
        for (String name : names) {
            long size = site.size(name);
            site.delete(name);
            if (site.exists(name)) {
                throw new ReplicationException(site.name() + ": " + name + " still present after delete");
            }
            bytes += size;
            lines.add("deleted site=" + site.name() + " object=" + name + " bytes=" + size + " at=" + Instant.now());
        }
        List<String> remaining = site.list(ObjectNames.root(ds));
        try {
            Files.deleteIfExists(state.statusFile(ds, site.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder text = new StringBuilder("evacuate dataset=" + ds + " site=" + site.name() + " started=" + started + "\n");
        lines.forEach(l -> text.append(l).append('\n'));
        text.append("listing after: ").append(remaining.isEmpty() ? "empty" : String.join(", ", remaining)).append('\n');
        text.append(remaining.isEmpty() ? "complete\n" : "INCOMPLETE: objects still listed; run again\n");
        var file = state.evidenceDir().resolve("evacuate-" + ds + "-" + site.name() + "-"
                + started.toString().replace(':', '-') + ".txt");
        StateFolder.writeBytes(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return new EvacuationEvidence(ds, site.name(), started, names.size(), bytes, remaining, file, null);
    }

    /** Deletion order: snapshots, indexes, packs, anything else, keys last. */
    private static int rank(String ds, String name) {
        if (name.startsWith(ObjectNames.snapshotsPrefix(ds))) {
            return 0;
        }
        if (name.startsWith(ObjectNames.indexPrefix(ds))) {
            return 1;
        }
        if (name.startsWith(ObjectNames.packsPrefix(ds))) {
            return 2;
        }
        return name.startsWith(ObjectNames.keysPrefix(ds)) ? 4 : 3;
    }
}
