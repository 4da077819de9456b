package org.dataembassy.portal.jurisdiction;

import java.time.Instant;
import java.util.List;

/**
 * A jurisdiction review as stored.
 *
 * @param origin       AD_HOC (reported by a legal officer) or PERIODIC (the schedule)
 * @param sites        the host-state embassy sites concerned (evacuated on EVACUATE)
 * @param findings     the treaty's answers, one line each: "question: OUTCOME — CODE (agreement article): message"
 * @param outcome      null until assessed
 * @param evidence     what carrying out the outcome produced (publication, evacuation evidence), one line each
 * @param notification the notice sent to the parties' contacts; null until closed
 */
public record JurisdictionReview(String id, String agreementKey, String origin, EventKind eventKind, String description,
                                 List<String> sites, String originatingState, String hostState, String reportedBy,
                                 Instant reportedAt, ReviewStatus status, List<String> findings, ReviewOutcome outcome,
                                 String justification, String assessedBy, Instant assessedAt, String confirmedBy,
                                 Instant confirmedAt, String confirmationNote, List<String> evidence,
                                 String notification, Instant notifiedAt, String processInstanceId) {

    public static final String AD_HOC = "AD_HOC";
    public static final String PERIODIC = "PERIODIC";

    public JurisdictionReview {
        sites = List.copyOf(sites);
        findings = List.copyOf(findings);
        evidence = List.copyOf(evidence);
    }

    /** Audit subject and workflow business key. */
    public String subject() {
        return subject(id);
    }

    public static String subject(String id) {
        return "jurisdiction-review:" + id;
    }
}
