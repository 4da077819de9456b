package org.dataembassy.portal.replication.engine;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dataembassy.portal.replication.DatasetSettings;
import org.dataembassy.portal.replication.FormatException;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.KeyMaterialException;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.WrongKeyException;
import org.dataembassy.portal.replication.chunking.ChunkerParams;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ManifestSigner;
import org.dataembassy.portal.replication.crypto.TinkSetup;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.keys.KeyBundle;
import org.dataembassy.portal.replication.keys.KeyBundleCodec;
import org.dataembassy.portal.replication.site.SiteStore;

/** Creates, loads, rotates and wraps dataset key bundles; keeps the state's signing key. */
public final class KeyService {
    static {
        TinkSetup.ensure();
    }

    private final StateFolder state;
    private final Kek kek;

    public KeyService(StateFolder state, Kek kek) {
        this.state = state;
        this.kek = kek;
        String recorded = StateFolder.read(state.stateFile()).getProperty("kekFingerprint");
        if (recorded != null && !recorded.equals(kek.fingerprintHex())) {
            throw new WrongKeyException("the given KEK is not this state's key (fingerprint mismatch)");
        }
    }

    public byte[] signingPrivateKey() {
        try {
            return kek.aead().decrypt(Files.readAllBytes(state.signingKey()), signingAd());
        } catch (IOException e) {
            throw new KeyMaterialException("state signing key missing: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new WrongKeyException("cannot unwrap the state's signing key with this KEK");
        }
    }

    public byte[] signingPublicKey() {
        try {
            return Files.readAllBytes(state.signingPublic());
        } catch (IOException e) {
            throw new KeyMaterialException("state signing public key missing", e);
        }
    }

    void writeSigningKey(byte[] pkcs8, byte[] x509, Kek wrapUnder) {
        try {
            StateFolder.writeBytes(state.signingKey(), wrapUnder.aead().encrypt(pkcs8, signingAd()));
            StateFolder.writeBytes(state.signingPublic(), x509);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void newSigningKey() {
        KeyPair pair = ManifestSigner.generate();
        writeSigningKey(pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), kek);
    }

    private byte[] signingAd() {
        return ("dataembassy-signing-key-v1|" + StateFolder.read(state.stateFile()).getProperty("stateId"))
                .getBytes(StandardCharsets.UTF_8);
    }

    public KeyBundle create(DatasetSettings s) {
        try {
            byte[] idKey = new byte[32];
            SecureRandom random = new SecureRandom();
            random.nextBytes(idKey);
            ChunkerParams chunker = new ChunkerParams(s.minChunk(), s.avgChunk(), s.maxChunk(), random.nextLong());
            return new KeyBundle(s.datasetId(), 1, chunker, s.packSize(), s.compressionLevel(), idKey,
                    signingPublicKey(), KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new generation whose keyset has a fresh primary key (old keys kept for old data). */
    public KeyBundle rotated(KeyBundle b) {
        try {
            KeysetHandle next = KeysetHandle.newBuilder(b.dataKeyset())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build();
            return new KeyBundle(b.datasetId(), b.generation() + 1, b.chunker(), b.packSize(), b.compressionLevel(),
                    b.idKey(), b.signingPublicKey(), next);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Name and wrapped bytes of a bundle under {@code under}. */
    public record Wrapped(String name, byte[] bytes) {
    }

    public static Wrapped wrap(KeyBundle b, Kek under) {
        return new Wrapped(ObjectNames.key(b.datasetId(), b.generation(), under.fingerprintHex()), KeyBundleCodec.wrap(b, under));
    }

    public void storeLocally(Wrapped w) {
        StateFolder.writeBytes(state.keysDir(datasetOf(w.name())).resolve(ObjectNames.id(w.name())), w.bytes());
    }

    static String datasetOf(String objectName) {
        return objectName.split("/")[1];
    }

    /**
     * Loads the newest generation under the KEK from the state folder or, if it holds none, from every
     * reachable site: one site's damaged copy does not block the others, and a site withholding the newest
     * generation cannot make the engine use an older one. If no copy of the newest generation opens, the load
     * fails rather than fall back (a site could otherwise roll the data key back). WrongKeyException: copies
     * exist but none under this KEK; KeyMaterialException: none (never created, or shredded).
     */
    public KeyBundle load(String ds, List<SiteStore> sites) {
        List<Wrapped> candidates = new ArrayList<>(localCopies(ds));
        if (candidates.isEmpty()) {
            for (SiteStore site : sites) {
                try {
                    for (String name : site.list(ObjectNames.keysPrefix(ds))) {
                        if (ObjectNames.isFormatName(ds, name)) {
                            candidates.add(new Wrapped(name, site.get(name)));
                        }
                    }
                } catch (ReplicationException e) {
                    // unreachable: the other sites' copies
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new KeyMaterialException("no key material for dataset " + ds + " (never created, or crypto-shredded)");
        }
        List<Wrapped> mine = new ArrayList<>();
        Map<Integer, ReplicationException> malformed = new HashMap<>(); // unreadable copies may be the newest
        int newest = -1;
        for (Wrapped w : candidates) {
            int generation = ObjectNames.keyGeneration(w.name());
            try {
                if (!Hashes.hex(KeyBundleCodec.kekFingerprint(w.bytes(), w.name())).equals(kek.fingerprintHex())) {
                    continue;
                }
                mine.add(w);
            } catch (FormatException e) {
                malformed.putIfAbsent(generation, e);
            }
            newest = Math.max(newest, generation);
        }
        if (newest < 0) {
            throw new WrongKeyException("dataset " + ds + " keys are wrapped under a different KEK");
        }
        ReplicationException failure = malformed.get(newest);
        for (Wrapped w : mine) {
            if (ObjectNames.keyGeneration(w.name()) == newest) {
                try {
                    return KeyBundleCodec.unwrap(w.bytes(), kek, ds, newest, w.name());
                } catch (IntegrityException | FormatException e) {
                    failure = e;
                }
            }
        }
        throw failure;
    }

    /** Local wrapped copies, named as site objects. */
    public List<Wrapped> localCopies(String ds) {
        Path dir = state.keysDir(ds);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Wrapped> out = new ArrayList<>();
            for (Path p : files.filter(f -> !f.getFileName().toString().endsWith(".tmp")).sorted().toList()) {
                out.add(new Wrapped(ObjectNames.keysPrefix(ds) + p.getFileName(), Files.readAllBytes(p)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
