package org.dataembassy.portal.replication;

import java.util.List;
import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * A verification scrub of a dataset finished: every object at the sites was read and authenticated and
 * the listings compared.
 *
 * @param datasetId the dataset
 * @param sites     site ids scrubbed
 * @param problems  damaged plus missing objects plus unreachable sites; 0 means clean
 * @param actor     who asked: the authenticated name, or "system"
 */
public record DatasetVerified(String datasetId, List<String> sites, int problems, String actor) implements Auditable {

    public DatasetVerified {
        sites = List.copyOf(sites);
    }

    /** Names the current caller as the actor. */
    public DatasetVerified(String datasetId, List<String> sites, int problems) {
        this(datasetId, sites, problems, DatasetReplication.currentActor());
    }

    public boolean clean() {
        return problems == 0;
    }

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, "DATASET_VERIFIED", DatasetReplication.subject(datasetId),
                clean() ? "CLEAN" : "PROBLEMS", "scrubbed " + String.join(", ", sites)
                        + (clean() ? "" : "; " + problems + " problem(s)"));
    }
}
