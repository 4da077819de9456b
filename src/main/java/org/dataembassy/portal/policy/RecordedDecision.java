package org.dataembassy.portal.policy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A decision as {@link PolicyDecisions} recorded it: what was asked and what OPA answered. */
public record RecordedDecision(String id, Instant decidedAt, String entryPoint, String subject,
                               Map<String, Object> input, PolicyDecision.Outcome outcome, List<Reason> reasons) {

    public RecordedDecision {
        input = Map.copyOf(input);
        reasons = List.copyOf(reasons);
    }
}
