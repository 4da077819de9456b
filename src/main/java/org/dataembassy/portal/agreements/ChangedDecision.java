package org.dataembassy.portal.agreements;

import java.time.Instant;
import java.util.List;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.Reason;

/** A recorded decision that a draft would decide differently: the outcome or the reasons change. */
public record ChangedDecision(String decisionId, Instant decidedAt, String entryPoint, String subject,
                              PolicyDecision.Outcome before, List<Reason> reasonsBefore,
                              PolicyDecision.Outcome after, List<Reason> reasonsAfter) {

    public boolean outcomeChanged() {
        return before != after;
    }
}
