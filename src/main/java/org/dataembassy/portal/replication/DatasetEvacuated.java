package org.dataembassy.portal.replication;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A dataset was removed from one site (a host site evacuated), with the evidence's summary. */
public record DatasetEvacuated(String datasetId, String site, String summary, boolean complete, String actor)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(actor, "DATASET_EVACUATED", DatasetReplication.subject(datasetId),
                complete ? "SUCCESS" : "INCOMPLETE", summary);
    }
}
