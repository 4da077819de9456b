package org.dataembassy.portal.workflow;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** An administrator gave a failed workflow step another try. */
public record IncidentRetried(String incidentId, String businessKey, String activity, String by) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(by, "INCIDENT_RETRIED", businessKey == null ? "incident:" + incidentId : businessKey,
                "RETRY", "step " + activity + " scheduled to run again");
    }
}
