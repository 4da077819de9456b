package org.dataembassy.portal.replication.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.replication.ConfiguredSite;
import org.dataembassy.portal.replication.SitesProperties;
import org.dataembassy.portal.replication.engine.LocalReplicationEngine;
import org.dataembassy.portal.replication.engine.StateFolder;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.keys.KekShare;
import org.dataembassy.portal.replication.keys.KekSharing;
import org.dataembassy.portal.replication.site.FolderSiteStore;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * The portal's replication state: {@code <data-dir>/replication/state} and the KEK in
 * {@code <data-dir>/replication/kek.secret} (owner read/write only). Both are created on first use;
 * the KEK is written before the state so a crash in between leaves a KEK the next start reuses.
 * Opens a fresh engine per call over exactly the sites asked for.
 */
public final class ReplicationHome {

    private final Path stateDir;
    private final Path kekFile;
    private final ObjectStoreSites objectStores;
    private Kek kek;

    public ReplicationHome(Path dataDir) {
        this(dataDir, new ObjectStoreSites(new SitesProperties(null)));
    }

    public ReplicationHome(Path dataDir, ObjectStoreSites objectStores) {
        this.objectStores = objectStores;
        Path home = dataDir.toAbsolutePath().normalize().resolve("replication");
        this.stateDir = home.resolve("state");
        this.kekFile = home.resolve("kek.secret");
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path kekFile() {
        return kekFile;
    }

    /** Whether the state folder has been initialised (by an earlier call). */
    public boolean initialised() {
        return new StateFolder(stateDir).exists();
    }

    /** Opens an engine over {@code sites} (in the given order); the caller closes it. */
    public LocalReplicationEngine open(List<ConfiguredSite> sites) {
        Kek key = kek();
        Map<String, SiteStore> stores = new LinkedHashMap<>();
        for (ConfiguredSite site : sites) {
            stores.put(site.id().value(), store(site, objectStores));
        }
        return LocalReplicationEngine.open(stateDir, key, stores);
    }

    /** The KEK, generating it and initialising the state folder on first use. */
    synchronized Kek kek() {
        if (kek != null) {
            return kek;
        }
        boolean stateExists = new StateFolder(stateDir).exists();
        if (!Files.isRegularFile(kekFile)) {
            if (stateExists) {
                throw new IllegalStateException("replication state " + stateDir + " exists but its KEK " + kekFile
                        + " is missing: restore the KEK file (or unseal it from the Shamir shares) before replicating");
            }
            writeSecret(kekFile, Kek.generate().toHex());
        }
        Kek loaded = Kek.fromHex(read(kekFile));
        if (!stateExists) {
            LocalReplicationEngine.initState(stateDir, loaded);
        }
        kek = loaded;
        return kek;
    }

    private static SiteStore store(ConfiguredSite site, ObjectStoreSites objectStores) {
        if (site.location().startsWith(ObjectStoreSites.SCHEME)) {
            return objectStores.open(site.id().value());
        }
        return new FolderSiteStore(site.id().value(), Path.of(site.location()));
    }

    /** Creates the file owner-only from the start, so the KEK is never readable by others, not even briefly. */
    private static void writeSecret(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException nonPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
            // another node wrote it first; use theirs
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replication KEK " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replication KEK " + file, e);
        }
    }

    // ------------------------------------------------------------ emergency activation (additive)

    /** Splits the state's KEK into {@code n} Shamir shares, any {@code m} of which unseal it. The KEK stays here. */
    public List<KekShare> splitKek(int m, int n) {
        return KekSharing.split(kek(), m, n);
    }

    /** The KEK fingerprint the state folder recorded at initialisation (hex). */
    public String recordedKekFingerprint() {
        kek();
        return StateFolder.read(new StateFolder(stateDir).stateFile()).getProperty("kekFingerprint");
    }

    /**
     * Recombines the KEK from share texts and verifies it is this state's KEK (the recorded fingerprint), so
     * wrong or foreign shares fail here and never reach the data.
     */
    public Kek unseal(List<String> shareTexts) {
        byte[] expected = HexFormat.of().parseHex(recordedKekFingerprint());
        return KekSharing.unseal(shareTexts, expected);
    }

    /** Opens an engine over {@code sites} with the given KEK (e.g. unsealed from shares) instead of the file's. */
    public LocalReplicationEngine open(List<ConfiguredSite> sites, Kek key) {
        Map<String, SiteStore> stores = new LinkedHashMap<>();
        for (ConfiguredSite site : sites) {
            stores.put(site.id().value(), store(site, objectStores));
        }
        return LocalReplicationEngine.open(stateDir, key, stores);
    }
}
