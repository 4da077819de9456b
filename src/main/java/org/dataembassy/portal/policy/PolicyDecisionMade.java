package org.dataembassy.portal.policy;

import java.util.List;
import java.util.stream.Collectors;
import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;

/** The policy engine decided (or could not, which is recorded as a deny). */
public record PolicyDecisionMade(String decisionId, String entryPoint, String subject, String actor,
                                 PolicyDecision.Outcome outcome, List<Reason> reasons) implements Auditable {

    @Override
    public AuditFact auditFact() {
        String why = reasons.stream().map(r -> r.code() + " (" + r.agreement() + " " + r.article() + ")")
                .collect(Collectors.joining("; "));
        return new AuditFact(actor, "POLICY_DECISION", subject, outcome.name(),
                entryPoint + " decision " + decisionId + (why.isEmpty() ? "" : ": " + why));
    }
}
