package org.dataembassy.portal.replication;

import java.time.Instant;
import java.util.List;
import org.dataembassy.portal.replication.keys.Kek;

/**
 * The replication engine of one state: datasets are chunked, compressed, encrypted and sent to
 * every configured site; snapshots can be restored from any single site holding them.
 *
 * <p>Guarantees: objects are written packs, then index, then manifest at each site, so a crash
 * or a failing site never leaves a snapshot referencing missing data; restore verifies every
 * chunk and every file hash and fails naming the offending objects; every error is a
 * {@link ReplicationException} subclass. Instances are not meant for concurrent calls; the
 * state folder lock prevents two replications or prunes of one state at once.
 */
public interface ReplicationEngine extends AutoCloseable {

    /** Creates a dataset: new keys wrapped under the KEK, stored locally and at every reachable site. */
    void createDataset(DatasetSettings settings);

    /** Datasets with key material in the state folder. */
    List<String> datasets();

    /** Snapshots {@code source}; sites that fail are reported in the result, not thrown, unless no site is reachable. */
    ReplicateResult replicate(ReplicateRequest request, ProgressListener listener);

    /** Verified snapshots at one site, oldest first. */
    List<SnapshotInfo> snapshots(String datasetId, String site);

    RestoreResult restore(RestoreRequest request, ProgressListener listener);

    /** Reads and authenticates everything at every site and compares listings. */
    ScrubReport scrub(String datasetId);

    /** Scrubs, then copies damaged or missing objects verbatim from healthy sites. */
    RepairReport repair(String datasetId);

    /** Forgets snapshots outside the policy and deletes data no kept snapshot references. Needs every site. */
    PruneResult prune(String datasetId, RetentionPolicy policy);

    /** New primary data key for new data; old data stays readable. */
    void rotateDataKey(String datasetId);

    /** Re-wraps every dataset's keys and the signing key under {@code newKek}; reopen the engine with it afterwards. */
    void rotateKek(Kek newKek);

    /** Crypto-shreds a dataset: destroys every wrapped copy of its keys at every site and locally. */
    ShredEvidence shred(String datasetId);

    List<SiteStatus> status(String datasetId);

    /** The same, with recovery-point ages measured at {@code now}. */
    List<SiteStatus> status(String datasetId, Instant now);

    @Override
    void close();
}
