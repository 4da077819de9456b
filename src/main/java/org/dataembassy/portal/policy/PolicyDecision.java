package org.dataembassy.portal.policy;

import java.util.List;

/**
 * A typed policy decision. Never null; when the engine could not answer, the outcome is {@link Outcome#DENY}
 * with a single {@link Reason#ENGINE_UNAVAILABLE} reason (fail closed).
 *
 * @param decisionId id of the recorded decision (for audit and impact analysis)
 * @param outcome    allow, review required, or deny
 * @param reasons    every reason, in the order the policy gave them; empty on a plain allow
 * @param obligations the duties the decision carries (terms of schema_version 2); none with a deny, conditional
 *                    with a review
 */
public record PolicyDecision(String decisionId, Outcome outcome, List<Reason> reasons, List<Obligation> obligations) {

    public enum Outcome {
        ALLOW,
        REVIEW_REQUIRED,
        DENY
    }

    public PolicyDecision {
        reasons = List.copyOf(reasons);
        obligations = List.copyOf(obligations);
    }

    public PolicyDecision(String decisionId, Outcome outcome, List<Reason> reasons) {
        this(decisionId, outcome, reasons, List.of());
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    public boolean reviewRequired() {
        return outcome == Outcome.REVIEW_REQUIRED;
    }

    /** True when the deny came from the engine being unreachable or answering nonsense, not from a rule. */
    public boolean engineUnavailable() {
        return outcome == Outcome.DENY && reasons.stream().anyMatch(r -> Reason.ENGINE_UNAVAILABLE.equals(r.code()));
    }
}
