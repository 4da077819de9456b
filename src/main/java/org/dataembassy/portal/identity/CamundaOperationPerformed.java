package org.dataembassy.portal.identity;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * A portal administrator used one of the operations Camunda's web apps still allow (retry a failed job, suspend
 * or resume); recorded with the real user and the HTTP status the engine answered.
 *
 * @param user      the portal user behind the Cockpit session
 * @param operation e.g. {@code JOB_RETRIES_SET}, {@code PROCESS_INSTANCE_SUSPENSION_SET}
 * @param target    what it acted on, e.g. {@code job:8f2e…}
 * @param status    the HTTP status of the engine's answer
 */
public record CamundaOperationPerformed(String user, String operation, String target, int status) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(user, "CAMUNDA_" + operation, target, status < 300 ? "SUCCESS" : "FAILURE",
                "through Camunda's web apps; engine answered HTTP " + status);
    }
}
