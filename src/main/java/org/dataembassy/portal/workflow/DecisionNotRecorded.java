package org.dataembassy.portal.workflow;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/**
 * A workflow step refused to act because the decision it acts on is not recorded by the portal's services — the
 * process got there some other way (a task completed or an instance moved outside the portal).
 *
 * @param subject the business subject, e.g. {@code onboarding-request:…}
 * @param step    the step that refused, e.g. "Accept request"
 * @param missing what the portal has no record of
 */
public record DecisionNotRecorded(String subject, String step, String missing) implements Auditable {

    @Override
    public AuditFact auditFact() {
        return new AuditFact("system:workflow", "STEP_REFUSED", subject, "REFUSED", step + ": " + missing);
    }
}
