package org.dataembassy.portal.workflow;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** A human task was completed. */
public record TaskCompleted(String taskId, String taskName, String businessKey, String completedBy)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(completedBy, "TASK_COMPLETED", WorkTasks.subject(businessKey), "DONE",
                taskName + " (task " + taskId + ")");
    }
}
