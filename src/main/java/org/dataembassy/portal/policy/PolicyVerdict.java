package org.dataembassy.portal.policy;

import java.util.List;

/** What a policy tree answers for one input, without recording it (replays, impact analysis). */
public record PolicyVerdict(PolicyDecision.Outcome outcome, List<Reason> reasons) {

    public PolicyVerdict {
        reasons = List.copyOf(reasons);
    }
}
