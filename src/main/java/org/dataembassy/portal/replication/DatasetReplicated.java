package org.dataembassy.portal.replication;

import java.util.List;
import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * A snapshot of a dataset reached every site it was sent to.
 *
 * @param datasetId  the dataset
 * @param snapshotId the new snapshot (hex SHA-256 of the sealed manifest)
 * @param sites      site ids that hold the snapshot
 * @param bytes      bytes uploaded by this run, summed over the sites (catch-up copies included)
 * @param actor      who asked: the authenticated name, or "system"
 */
public record DatasetReplicated(String datasetId, String snapshotId, List<String> sites, long bytes, String actor)
        implements Auditable {

    public DatasetReplicated {
        sites = List.copyOf(sites);
    }

    /** Names the current caller as the actor. */
    public DatasetReplicated(String datasetId, String snapshotId, List<String> sites, long bytes) {
        this(datasetId, snapshotId, sites, bytes, DatasetReplication.currentActor());
    }

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, "DATASET_REPLICATED", DatasetReplication.subject(datasetId), "SUCCESS",
                "snapshot " + snapshotId + " at " + String.join(", ", sites) + "; " + bytes + " bytes uploaded");
    }
}
