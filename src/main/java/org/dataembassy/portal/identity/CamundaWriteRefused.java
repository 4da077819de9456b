package org.dataembassy.portal.identity;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * A request through Camunda's web apps that would have changed a workflow outside the portal's services (complete
 * a task, write variables, modify, start or delete an instance, correlate a message…) was refused.
 *
 * @param user   the portal user behind the session, or "anonymous"
 * @param method the HTTP method
 * @param path   the request path below {@code /camunda/api/}, at most 200 characters
 */
public record CamundaWriteRefused(String user, String method, String path) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact(user, "CAMUNDA_WRITE_REFUSED", "camunda:" + path, "REFUSED",
                method + " refused: decisions are taken in the portal, not through Camunda's web apps");
    }
}
