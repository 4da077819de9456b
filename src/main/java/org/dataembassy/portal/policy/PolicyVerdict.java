package org.dataembassy.portal.policy;

import java.util.List;

/** What a policy tree answers for one input, without recording it (replays, impact analysis). */
public record PolicyVerdict(PolicyDecision.Outcome outcome, List<Reason> reasons, List<Obligation> obligations) {

    public PolicyVerdict {
        reasons = List.copyOf(reasons);
        obligations = List.copyOf(obligations);
    }

    public PolicyVerdict(PolicyDecision.Outcome outcome, List<Reason> reasons) {
        this(outcome, reasons, List.of());
    }
}
