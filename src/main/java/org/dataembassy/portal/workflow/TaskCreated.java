package org.dataembassy.portal.workflow;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A human task was created in a workflow. */
public record TaskCreated(String taskId, String taskName, String businessKey, String candidateGroups)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact("system:workflow", "TASK_CREATED", WorkTasks.subject(businessKey), "OPEN",
                taskName + " (task " + taskId + ") for " + candidateGroups);
    }
}
