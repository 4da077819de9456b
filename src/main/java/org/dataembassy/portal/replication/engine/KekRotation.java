package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.keys.KeyBundle;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Re-wraps every dataset's current bundle under a new KEK as the next generation, writes it to
 * every site (all must succeed) and locally, re-wraps the signing key, records the new
 * fingerprint, and only then deletes the older generations.
 */
final class KekRotation {
    private final StateFolder state;
    private final KeyService keys;
    private final Kek oldKek;
    private final List<SiteStore> sites;

    KekRotation(StateFolder state, KeyService keys, Kek oldKek, List<SiteStore> sites) {
        this.state = state;
        this.keys = keys;
        this.oldKek = oldKek;
        this.sites = sites;
    }

    void rotate(Kek newKek, List<String> datasets) {
        if (oldKek.equals(newKek)) {
            throw new ReplicationException("new KEK equals the old one");
        }
        List<String> superseded = new ArrayList<>();
        List<KeyService.Wrapped> fresh = new ArrayList<>();
        for (String ds : datasets) {
            KeyBundle b = keys.load(ds, sites);
            KeyBundle next = new KeyBundle(b.datasetId(), b.generation() + 1, b.chunker(), b.packSize(),
                    b.compressionLevel(), b.idKey(), b.signingPublicKey(), b.dataKeyset());
            KeyService.Wrapped w = KeyService.wrap(next, newKek);
            for (SiteStore s : sites) {
                s.put(w.name(), w.bytes());
                s.list(ObjectNames.keysPrefix(ds)).stream().filter(n -> !n.equals(w.name())).forEach(superseded::add);
            }
            fresh.add(w);
        }
        byte[] signing = keys.signingPrivateKey();
        byte[] pub = keys.signingPublicKey();
        fresh.forEach(keys::storeLocally);
        keys.writeSigningKey(signing, pub, newKek);
        Properties p = StateFolder.read(state.stateFile());
        p.setProperty("kekFingerprint", newKek.fingerprintHex());
        StateFolder.write(state.stateFile(), p);
        for (SiteStore s : sites) {
            for (String name : superseded) {
                s.delete(name);
            }
        }
        for (String ds : datasets) {
            for (KeyService.Wrapped w : keys.localCopies(ds)) {
                if (fresh.stream().noneMatch(f -> f.name().equals(w.name()))) {
                    try {
                        Files.deleteIfExists(state.keysDir(ds).resolve(ObjectNames.id(w.name())));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
    }
}
