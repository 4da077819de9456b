package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.ShredEvidence;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Crypto-shredding: deletes every wrapped key bundle of a dataset at every site and in the state
 * folder (local files are overwritten with zeros first) and records evidence.
 */
final class Shredder {
    private final StateFolder state;

    Shredder(StateFolder state) {
        this.state = state;
    }

    ShredEvidence shred(String ds, List<SiteStore> sites) {
        Instant started = Instant.now();
        List<String> destroyed = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (SiteStore s : sites) {
            try {
                for (String name : s.list(ObjectNames.keysPrefix(ds))) {
                    String hash = Hashes.sha256Hex(s.get(name));
                    s.delete(name);
                    if (s.exists(name)) {
                        throw new ReplicationException(s.name() + ": " + name + " still present after delete");
                    }
                    destroyed.add("site=" + s.name() + " object=" + name + " sha256=" + hash + " destroyed=" + Instant.now());
                }
            } catch (ReplicationException e) {
                pending.add("site=" + s.name() + " error=" + e.getMessage());
            }
        }
        Path dir = state.keysDir(ds);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    byte[] bytes = Files.readAllBytes(p);
                    Files.write(p, new byte[bytes.length]);
                    Files.delete(p);
                    destroyed.add("local=" + p + " sha256=" + Hashes.sha256Hex(bytes) + " destroyed=" + Instant.now());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringBuilder text = new StringBuilder("crypto-shred dataset=" + ds + " started=" + started + "\n");
        destroyed.forEach(d -> text.append("destroyed ").append(d).append('\n'));
        pending.forEach(p -> text.append("PENDING ").append(p).append('\n'));
        text.append(pending.isEmpty() ? "complete\n" : "INCOMPLETE: run shred again when the pending sites are reachable\n");
        Path file = state.evidenceDir().resolve("shred-" + ds + "-" + started.toString().replace(':', '-') + ".txt");
        StateFolder.writeBytes(file, text.toString().getBytes(StandardCharsets.UTF_8));
        return new ShredEvidence(ds, started, destroyed, pending, file);
    }
}
