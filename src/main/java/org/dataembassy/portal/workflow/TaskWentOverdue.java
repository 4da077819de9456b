package org.dataembassy.portal.workflow;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * A human task waited past its reminder without a decision: the task stays open with its candidate group, and the
 * trail shows who was waited on (the hook mail notifications attach to).
 *
 * @param waited the reminder's period as the model states it (an ISO 8601 duration, e.g. {@code P2D})
 */
public record TaskWentOverdue(String taskId, String taskName, String businessKey, String candidateGroups, String waited)
        implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact("system:workflow", "TASK_OVERDUE", WorkTasks.subject(businessKey), "OVERDUE",
                taskName + " (task " + taskId + ") for " + candidateGroups + ": no decision after " + waited);
    }
}
