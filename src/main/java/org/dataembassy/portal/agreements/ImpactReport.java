package org.dataembassy.portal.agreements;

import java.time.Instant;
import java.util.List;

/**
 * Recorded decisions since {@code since} replayed against a version.
 *
 * @param replayed how many recorded decisions were replayed
 * @param changed  those that would come out differently (outcome or reasons)
 */
public record ImpactReport(String agreementKey, int version, Instant since, int replayed, List<ChangedDecision> changed) {

    public ImpactReport {
        changed = List.copyOf(changed);
    }
}
