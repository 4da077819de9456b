package org.dataembassy.portal.policy;

import java.time.Instant;
import java.util.List;
import org.dataembassy.portal.policy.internal.DecisionRecordStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recorded decisions, for replaying them against draft policies (impact analysis). */
@Service
public class DecisionHistory {

    private final DecisionRecordStore records;

    DecisionHistory(DecisionRecordStore records) {
        this.records = records;
    }

    /** Decisions taken since {@code since}, oldest first, at most {@code limit}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<RecordedDecision> since(Instant since, int limit) {
        return records.since(since, limit);
    }
}
