package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.dataembassy.portal.replication.DatasetSettings;
import org.dataembassy.portal.replication.EvacuationEvidence;
import org.dataembassy.portal.replication.ProgressListener;
import org.dataembassy.portal.replication.PruneResult;
import org.dataembassy.portal.replication.RepairReport;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.ReplicationEngine;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.RestoreResult;
import org.dataembassy.portal.replication.RetentionPolicy;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.ShredEvidence;
import org.dataembassy.portal.replication.SiteOutcome;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.replication.SnapshotInfo;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.site.SiteStore;

/** {@link ReplicationEngine} over a local state folder and a set of sites. */
public final class LocalReplicationEngine implements ReplicationEngine {
    private final StateFolder state;
    private final Kek kek;
    private final KeyService keys;
    private final Map<String, SiteStore> sites;

    private LocalReplicationEngine(StateFolder state, Kek kek, Map<String, SiteStore> sites) {
        this.state = state;
        this.kek = kek;
        this.keys = new KeyService(state, kek);
        this.sites = new LinkedHashMap<>(sites);
    }

    /** Creates a state folder: state id, KEK fingerprint, Ed25519 signing key wrapped under the KEK. */
    public static String initState(Path stateDir, Kek kek) {
        StateFolder state = new StateFolder(stateDir);
        if (state.exists()) {
            throw new ReplicationException("state folder already initialised: " + stateDir);
        }
        Properties p = new Properties();
        String stateId = UUID.randomUUID().toString();
        p.setProperty("stateId", stateId);
        p.setProperty("kekFingerprint", kek.fingerprintHex());
        p.setProperty("formatVersion", "1");
        StateFolder.write(state.stateFile(), p);
        new KeyService(state, kek).newSigningKey();
        return stateId;
    }

    /** Opens the engine; fails with WrongKeyException if {@code kek} is not the state's KEK. */
    public static LocalReplicationEngine open(Path stateDir, Kek kek, Map<String, SiteStore> sites) {
        StateFolder state = new StateFolder(stateDir);
        if (!state.exists()) {
            throw new ReplicationException("not a state folder (run init first): " + stateDir);
        }
        return new LocalReplicationEngine(state, kek, sites);
    }

    private List<SiteStore> siteList() {
        return new ArrayList<>(sites.values());
    }

    private SiteStore site(String name) {
        SiteStore s = sites.get(name);
        if (s == null) {
            throw new ReplicationException("unknown site " + name + " (configured: " + sites.keySet() + ")");
        }
        return s;
    }

    DatasetKeys datasetKeys(String ds) {
        return DatasetKeys.of(keys.load(ObjectNames.checkDataset(ds), siteList()));
    }

    @Override
    public void createDataset(DatasetSettings settings) {
        ObjectNames.checkDataset(settings.datasetId());
        if (!keys.localCopies(settings.datasetId()).isEmpty()) {
            throw new ReplicationException("dataset already exists: " + settings.datasetId());
        }
        KeyService.Wrapped w = KeyService.wrap(keys.create(settings), kek);
        keys.storeLocally(w);
        putEverywhere(w, false);
    }

    private void putEverywhere(KeyService.Wrapped w, boolean all) {
        List<String> errors = new ArrayList<>();
        for (SiteStore s : siteList()) {
            try {
                s.put(w.name(), w.bytes());
            } catch (ReplicationException e) {
                errors.add(e.getMessage());
            }
        }
        if ((all && !errors.isEmpty()) || errors.size() == sites.size()) {
            throw new ReplicationException("key bundle not stored at every site: " + errors);
        }
    }

    @Override
    public List<String> datasets() {
        Path dir = state.root().resolve("datasets");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(ds -> !keys.localCopies(ds).isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ReplicateResult replicate(ReplicateRequest request, ProgressListener listener) {
        try (StateLock lock = new StateLock(state)) {
            DatasetKeys dk = datasetKeys(request.datasetId());
            String stateId = StateFolder.read(state.stateFile()).getProperty("stateId");
            ReplicateResult result = new Replicator(dk, keys.signingPrivateKey(), stateId, siteList(), request).run(request, listener);
            StatusService status = new StatusService(state);
            for (SiteOutcome o : result.sites()) {
                if (o.complete()) {
                    try {
                        List<String> snaps = new SiteRepository(site(o.site()), dk).snapshotNames().stream()
                                .map(ObjectNames::id).toList();
                        status.recordVerified(dk.datasetId(), o.site(), result.snapshotId(), Instant.now(), snaps);
                    } catch (ReplicationException e) {
                        // the data is there; only the status record is skipped until the next run or scrub
                    }
                }
            }
            return result;
        }
    }

    @Override
    public List<SnapshotInfo> snapshots(String ds, String site) {
        return new SiteRepository(site(site), datasetKeys(ds)).snapshots();
    }

    @Override
    public RestoreResult restore(RestoreRequest r, ProgressListener listener) {
        DatasetKeys dk = datasetKeys(r.datasetId());
        return new Restorer(new SiteRepository(site(r.site()), dk), dk).restore(r.snapshotId(), r.target(), listener);
    }

    @Override
    public ScrubReport scrub(String ds) {
        DatasetKeys dk = datasetKeys(ds);
        ScrubReport report = new Scrubber(dk, kek).scrub(siteList());
        StatusService status = new StatusService(state);
        for (var s : report.sites()) {
            if (s.clean()) {
                List<SnapshotInfo> snaps = new SiteRepository(site(s.site()), dk).snapshots();
                if (!snaps.isEmpty()) {
                    SnapshotInfo newest = snaps.get(snaps.size() - 1);
                    status.recordVerified(ds, s.site(), newest.id(), newest.created(), snaps.stream().map(SnapshotInfo::id).toList());
                }
            }
        }
        return report;
    }

    @Override
    public RepairReport repair(String ds) {
        DatasetKeys dk = datasetKeys(ds);
        return new Repairer(ds, kek).repair(new Scrubber(dk, kek).scrub(siteList()), sites);
    }

    @Override
    public PruneResult prune(String ds, RetentionPolicy policy) {
        try (StateLock lock = new StateLock(state)) {
            return new Pruner(datasetKeys(ds)).prune(policy, siteList(), Instant.now());
        }
    }

    @Override
    public void rotateDataKey(String ds) {
        KeyService.Wrapped w = KeyService.wrap(keys.rotated(keys.load(ds, siteList())), kek);
        putEverywhere(w, true);
        keys.storeLocally(w);
    }

    @Override
    public void rotateKek(Kek newKek) {
        new KekRotation(state, keys, kek, siteList()).rotate(newKek, datasets());
    }

    @Override
    public ShredEvidence shred(String ds) {
        return new Shredder(state).shred(ObjectNames.checkDataset(ds), siteList());
    }

    @Override
    public List<SiteStatus> status(String ds) {
        return status(ds, Instant.now());
    }

    @Override
    public List<SiteStatus> status(String ds, Instant now) {
        return new StatusService(state).status(ObjectNames.checkDataset(ds), siteList(), now);
    }

    @Override
    public void close() {
        sites.values().forEach(SiteStore::close);
    }

    /**
     * Removes the dataset from one site only (a host site being evacuated): every object of the dataset there
     * is deleted, references before data, and the site is listed again as proof; other sites and the local
     * key copies stay, so the dataset remains readable from the others. Takes the state lock, so no
     * replication writes to the site meanwhile. Idempotent.
     */
    public EvacuationEvidence evacuate(String ds, String siteName) {
        SiteStore target = site(siteName);
        try (StateLock lock = new StateLock(state)) {
            return new Evacuator(state).evacuate(ObjectNames.checkDataset(ds), target);
        }
    }
}
