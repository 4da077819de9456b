package org.dataembassy.portal.replication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.dataembassy.portal.replication.engine.LocalReplicationEngine;
import org.dataembassy.portal.replication.engine.StateFolder;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.internal.DatasetLocks;
import org.dataembassy.portal.replication.internal.ReplicationHome;
import org.dataembassy.portal.replication.keys.KekShare;
import org.dataembassy.portal.shared.PortalProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;


/**
 * Drives the replication engine for the portal (workflow steps, operators): creates datasets, replicates a
 * folder to chosen configured sites, scrubs, and reports status and live progress.
 *
 * <p>State: {@code <dataembassy.data-dir>/replication/state}, initialised on first use with a freshly
 * generated KEK kept owner-only ({@code rw-------}) in {@code <data-dir>/replication/kek.secret}. That file
 * is the embedded default only: in production the KEK is not stored on the host but unsealed from M-of-N
 * Shamir shares held by committee members, which the activation module's key ceremony
 * ({@code activation.KeyCeremonies}) splits and its key release step unseals; a KMS/HSM would plug in there.
 *
 * <p>Concurrency: each call opens the engine over exactly the sites it needs and closes it before
 * returning, so nothing is held between calls. Calls for one dataset run one at a time; replications of
 * different datasets also queue behind each other, because the engine locks the whole state folder while
 * replicating. Status and progress never wait for a running replication.
 *
 * <p>Idempotence: {@link #ensureDataset} does nothing for an existing dataset; a repeated or retried
 * {@link #replicate} first copies what lagging sites miss from the others and uploads only chunks no site
 * has, so a retry after a failure sends only what is missing.
 */
@Service
public class DatasetReplication {

    private final ConfiguredSites configured;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReplicationHome home;
    private final DatasetLocks locks = new DatasetLocks();
    private final Map<String, Progress> running = new ConcurrentHashMap<>();

    DatasetReplication(ConfiguredSites configured, ApplicationEventPublisher events, Clock clock,
                       PortalProperties portal) {
        this.configured = configured;
        this.clock = clock;
        this.events = events;
        this.home = new ReplicationHome(portal.home(), configured.objectStores());
    }

    /** Creates the dataset (default settings, keys stored at every configured site) unless it exists. */
    @PreAuthorize("hasAnyRole('SYSTEM', 'SECURITY_OFFICER', 'ADMIN')")
    public void ensureDataset(String datasetId) {
        ObjectNames.checkDataset(datasetId);
        List<ConfiguredSite> all = configured.all();
        locks.onDataset(datasetId, () -> withEngine(all, engine -> {
            if (!engine.datasets().contains(datasetId)) {
                engine.createDataset(DatasetSettings.defaults(datasetId));
            }
            return null;
        }));
    }

    /**
     * Snapshots {@code source} into the dataset and sends it to exactly {@code siteIds}. A site that fails
     * is reported in the result (its outcome not complete), not thrown: callers that need every site must
     * check {@link ReplicateResult#complete()} and retry; {@link DatasetReplicated} is published only when
     * complete. Throws IllegalArgumentException for an invalid dataset id, an empty, duplicate or
     * unknown site id, or a source that is not a folder, and IllegalStateException for a dataset not yet
     * created, all before anything is written.
     */
    @PreAuthorize("hasAnyRole('SYSTEM', 'ADMIN')")
    public ReplicateResult replicate(String datasetId, Path source, List<String> siteIds) {
        ObjectNames.checkDataset(datasetId);
        List<ConfiguredSite> sites = sites(siteIds);
        if (source == null || !Files.isDirectory(source)) {
            throw new IllegalArgumentException("source folder does not exist or is not a folder: " + source);
        }
        ReplicateResult result = locks.onDatasetAndState(datasetId, () -> withEngine(sites, engine -> {
            requireDataset(engine, datasetId);
            running.put(datasetId, new Progress("starting", 0, 0, 0, null));
            try {
                return engine.replicate(new ReplicateRequest(datasetId, source.toAbsolutePath(), "portal"),
                        progress -> running.put(datasetId, progress));
            } finally {
                running.remove(datasetId);
            }
        }));
        if (result.complete()) {
            long bytes = result.sites().stream().mapToLong(SiteOutcome::bytesWritten).sum();
            events.publishEvent(new DatasetReplicated(datasetId, result.snapshotId(), siteIds, bytes));
        }
        return result;
    }

    /** The latest progress of a replication of the dataset running now; empty when none runs. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Progress> progress(String datasetId) {
        return Optional.ofNullable(running.get(datasetId));
    }

    /** Reads and authenticates every object of the dataset at {@code siteIds} and compares their listings. */
    @PreAuthorize("hasAnyRole('SYSTEM', 'ADMIN', 'AUDITOR')")
    public ScrubReport scrub(String datasetId, List<String> siteIds) {
        ObjectNames.checkDataset(datasetId);
        List<ConfiguredSite> sites = sites(siteIds);
        ScrubReport report = locks.onDataset(datasetId, () -> withEngine(sites, engine -> {
            requireDataset(engine, datasetId);
            return engine.scrub(datasetId);
        }));
        int problems = report.sites().stream()
                .mapToInt(s -> s.damaged().size() + s.missing().size() + (s.error() == null ? 0 : 1)).sum();
        events.publishEvent(new DatasetVerified(datasetId, siteIds, problems));
        return report;
    }

    /** Status at every configured site, in configuration order; empty when the dataset does not exist. */
    @PreAuthorize("isAuthenticated()")
    public List<SiteStatus> status(String datasetId) {
        ObjectNames.checkDataset(datasetId);
        if (!home.initialised()) {
            return List.of();
        }
        return withEngine(configured.all(),
                engine -> engine.datasets().contains(datasetId) ? engine.status(datasetId, clock.instant())
                        : List.<SiteStatus>of());
    }

    /**
     * When the snapshot each configured site last verifiably received was taken (its recovery point), by site id;
     * sites without one are absent. Read from the state folder only: no site is listed and no replication is
     * waited for, so a metrics scrape can ask every few seconds.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<String, Instant> recoveryPoints(String datasetId) {
        ObjectNames.checkDataset(datasetId);
        StateFolder state = new StateFolder(home.stateDir());
        Map<String, Instant> points = new LinkedHashMap<>();
        for (ConfiguredSite site : configured.all()) {
            String created = StateFolder.read(state.statusFile(datasetId, site.id().value()))
                    .getProperty("lastVerifiedCreated");
            if (created != null) {
                points.put(site.id().value(), Instant.parse(created));
            }
        }
        return points;
    }

    private <T> T withEngine(List<ConfiguredSite> sites, Function<LocalReplicationEngine, T> work) {
        try (LocalReplicationEngine engine = home.open(sites)) {
            return work.apply(engine);
        }
    }

    private static void requireDataset(LocalReplicationEngine engine, String datasetId) {
        if (!engine.datasets().contains(datasetId)) {
            throw new IllegalStateException("dataset " + datasetId + " does not exist; call ensureDataset first");
        }
    }

    private List<ConfiguredSite> sites(List<String> siteIds) {
        if (siteIds == null || siteIds.isEmpty()) {
            throw new IllegalArgumentException("no site ids given");
        }
        if (new LinkedHashSet<>(siteIds).size() != siteIds.size()) {
            throw new IllegalArgumentException("site ids given twice: " + siteIds);
        }
        List<ConfiguredSite> all = configured.all();
        List<ConfiguredSite> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : siteIds) {
            all.stream().filter(s -> s.id().value().equals(id)).findFirst()
                    .ifPresentOrElse(chosen::add, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown site id(s) " + unknown + "; configured: "
                    + all.stream().map(s -> s.id().value()).toList());
        }
        return chosen;
    }

    static String subject(String datasetId) {
        return "dataset:" + datasetId;
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    /**
     * Evacuates one site: destroys the dataset's wrapped key copies there and deletes every object of the
     * dataset at that site, then lists the site to prove nothing is left (see {@link EvacuationEvidence}).
     * When no other configured site holds a snapshot of the dataset, the dataset is crypto-shredded as well
     * (every wrapped key copy everywhere, local copies included). Idempotent: a retry deletes what is left
     * and proves the empty listing again. Throws IllegalArgumentException for an unknown site.
     */
    @PreAuthorize("hasAnyRole('SYSTEM', 'ADMIN')")
    public EvacuationEvidence evacuate(String datasetId, String siteId) {
        ObjectNames.checkDataset(datasetId);
        sites(List.of(siteId));
        List<ConfiguredSite> all = configured.all();
        EvacuationEvidence evidence = locks.onDatasetAndState(datasetId, () -> withEngine(all, engine -> {
            boolean heldElsewhere = engine.status(datasetId).stream()
                    .anyMatch(s -> !s.site().equals(siteId) && s.snapshots() > 0);
            EvacuationEvidence done = engine.evacuate(datasetId, siteId);
            if (!heldElsewhere && done.remaining().isEmpty() && engine.datasets().contains(datasetId)) {
                done = done.withShred(engine.shred(datasetId));
            }
            return done;
        }));
        events.publishEvent(new DatasetEvacuated(datasetId, siteId, evidence.summary(), evidence.complete(),
                currentActor()));
        return evidence;
    }

    // ------------------------------------------------------------ emergency activation (additive)

    /**
     * Key ceremony: splits the state's KEK into {@code n} Shamir shares, any {@code m} of which unseal it
     * (2 ≤ m ≤ n ≤ 255). The KEK itself is not returned; the shares are, for the caller to show once.
     */
    @PreAuthorize("hasAnyRole('SECURITY_OFFICER', 'ADMIN')")
    public KekSplit splitStateKey(int m, int n) {
        if (m < 2 || n < m || n > 255) {
            throw new IllegalArgumentException("a split needs 2 <= m <= n <= 255 (m = " + m + ", n = " + n + ")");
        }
        List<KekShare> shares = home.splitKek(m, n);
        String setId = HexFormat.of().formatHex(shares.get(0).setId());
        return new KekSplit(setId, home.recordedKekFingerprint(), m,
                shares.stream().map(KekShare::format).toList());
    }

    /** Reads a share text (checksum verified); throws {@link InvalidShareException} for a malformed one. */
    @PreAuthorize("isAuthenticated()")
    public ShareInfo inspectShare(String shareText) {
        if (shareText == null || shareText.isBlank()) {
            throw new InvalidShareException("no share given");
        }
        var share = KekShare.parse(shareText);
        return new ShareInfo(HexFormat.of().formatHex(share.setId()), share.index(), share.threshold(),
                share.total());
    }

    /**
     * Unseals the state's KEK from {@code shareTexts} and verifies it against the fingerprint the state
     * recorded; returns that fingerprint. Nothing is kept: the recombined key is dropped before returning.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public String unsealStateKey(List<String> shareTexts) {
        home.unseal(shareTexts);
        return home.recordedKekFingerprint();
    }

    /**
     * Restores the latest verified snapshot of the dataset at {@code siteId} into {@code target} (absent or
     * empty), every file's hash verified. With {@code shareTexts} the KEK is unsealed from them (and verified)
     * for this call only; with none, the local KEK file is used. Throws IllegalStateException when the site
     * holds no verified snapshot of the dataset.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public RestoreResult restoreLatestVerified(String datasetId, String siteId, Path target, List<String> shareTexts) {
        ObjectNames.checkDataset(datasetId);
        List<ConfiguredSite> sites = sites(List.of(siteId));
        String snapshot = status(datasetId).stream().filter(s -> s.site().equals(siteId)).findFirst()
                .map(SiteStatus::lastVerifiedSnapshot)
                .orElseThrow(() -> new IllegalStateException("dataset " + datasetId + " has no verified snapshot at " + siteId));
        if (snapshot == null) {
            throw new IllegalStateException("dataset " + datasetId + " has no verified snapshot at " + siteId);
        }
        return locks.onDataset(datasetId, () -> {
            try (LocalReplicationEngine engine = shareTexts == null || shareTexts.isEmpty()
                    ? home.open(sites) : home.open(sites, home.unseal(shareTexts))) {
                requireDataset(engine, datasetId);
                return engine.restore(new RestoreRequest(datasetId, siteId, snapshot, target), ProgressListener.NONE);
            }
        });
    }
}
