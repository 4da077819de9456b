package org.dataembassy.portal.jurisdiction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dataembassy.portal.agreements.AgreementMeasure;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.jurisdiction.internal.EvacuationPlanner;
import org.dataembassy.portal.jurisdiction.internal.JurisdictionChecks;
import org.dataembassy.portal.jurisdiction.internal.JurisdictionReviewStore;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyEngineUnavailableException;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.EvacuationEvidence;
import org.dataembassy.portal.workflow.StepSafeguards;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic steps of a jurisdiction review, run by the workflow as the system account. Each is idempotent,
 * so a retried job repeats no effect: the checks are asked again and replace the findings, a measure already in
 * the published terms is not published twice, an evacuated site is only listed again, a closed review stays
 * closed. An unavailable policy engine makes the checks throw (the job waits and retries); nothing is ever
 * assumed allowed.
 */
@Service
public class JurisdictionSteps {

    private final JurisdictionReviewStore store;
    private final PolicyDecisions policy;
    private final AgreementRegistry registry;
    private final DatasetReplication replication;
    private final EvacuationPlanner planner;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final StepSafeguards safeguards;

    JurisdictionSteps(JurisdictionReviewStore store, PolicyDecisions policy, AgreementRegistry registry,
                      DatasetReplication replication, EvacuationPlanner planner, CurrentUser currentUser,
                      ApplicationEventPublisher events, StepSafeguards safeguards) {
        this.safeguards = safeguards;
        this.store = store;
        this.policy = policy;
        this.registry = registry;
        this.replication = replication;
        this.planner = planner;
        this.currentUser = currentUser;
        this.events = events;
    }

    /**
     * Asks the treaty's jurisdiction rules the questions the event raises (see {@link JurisdictionChecks}) and
     * records the answers with their article citations as the review's findings. Throws, recording no findings,
     * when OPA did not answer one of them. SYSTEM.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public List<String> runChecks(String reviewId) {
        JurisdictionReview review = review(reviewId);
        List<String> findings = new ArrayList<>();
        for (JurisdictionChecks.Check check : JurisdictionChecks.forEvent(review.eventKind(), review.originatingState(),
                review.hostState())) {
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("agreement", review.agreementKey());
            input.put("request", check.request());
            PolicyDecision decision = policy.decide(new PolicyQuery("dataembassy/jurisdiction", review.subject(), input));
            if (decision.engineUnavailable()) {
                throw new PolicyEngineUnavailableException("policy engine unavailable; the jurisdiction checks will be retried");
            }
            findings.add(check.question() + ": " + decision.outcome() + (decision.reasons().isEmpty() ? "" : " — "
                    + decision.reasons().stream().map(r -> r.code() + " (" + r.agreement() + " " + r.article() + "): "
                    + r.message()).collect(Collectors.joining("; "))));
        }
        store.recordFindings(reviewId, findings);
        events.publishEvent(new JurisdictionReviewEvent(reviewId, "JURISDICTION_CHECKED", currentUser.requireUsername(),
                "FINDINGS", String.join("\n", findings)));
        return findings;
    }

    /** Restricts or suspends the agreement through the registry (a new published version OPA runs). SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public AgreementRegistry.Publication applyMeasure(String reviewId, AgreementMeasure measure) {
        JurisdictionReview review = review(reviewId);
        requireAssessment(review, measure == AgreementMeasure.RESTRICT ? "Restrict the agreement" : "Suspend the agreement",
                measure == AgreementMeasure.RESTRICT ? List.of(ReviewOutcome.RESTRICT)
                        : List.of(ReviewOutcome.SUSPEND, ReviewOutcome.EVACUATE));
        store.recordStatus(reviewId, ReviewStatus.APPLYING);
        AgreementRegistry.Publication publication = registry.applyJurisdictionOutcome(review.agreementKey(), measure,
                review.subject(), review.assessedBy(), review.justification());
        String line = measure + ": " + review.agreementKey() + " v" + publication.version() + " in force in OPA (bundle "
                + publication.revision() + ")";
        store.addEvidence(reviewId, List.of(line));
        events.publishEvent(new JurisdictionReviewEvent(reviewId, "AGREEMENT_" + (measure == AgreementMeasure.SUSPEND
                ? "SUSPENDED" : "RESTRICTED"), currentUser.requireUsername(), measure.name(), line));
        return publication;
    }

    /**
     * Destroys every copy the evacuation plan names at the host-state sites, each proven by an empty listing;
     * throws (the job retries, deleting only what is left) unless every site is empty of every dataset. SYSTEM.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public List<EvacuationEvidence> evacuate(String reviewId) {
        JurisdictionReview review = review(reviewId);
        requireAssessment(review, "Evacuate the host site", List.of(ReviewOutcome.EVACUATE));
        List<EvacuationEvidence> done = new ArrayList<>();
        for (EvacuationTarget target : planner.plan(review)) {
            EvacuationEvidence evidence = replication.evacuate(target.datasetId(), target.site());
            done.add(evidence);
            store.addEvidence(reviewId, List.of("EVACUATE '" + target.datasetName() + "': " + evidence.summary()));
            if (!evidence.complete()) {
                throw new IllegalStateException("evacuation of " + target + " incomplete: " + evidence.remaining());
            }
        }
        if (done.isEmpty()) {
            store.addEvidence(reviewId, List.of("EVACUATE: no active dataset of " + review.agreementKey() + " at "
                    + review.sites()));
        }
        events.publishEvent(new JurisdictionReviewEvent(reviewId, "HOST_SITE_EVACUATED", currentUser.requireUsername(),
                "EVACUATED", done.size() + " dataset copies destroyed at " + review.sites()));
        return done;
    }

    /** The assessment is overdue: the legal officers are reminded (audited). SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void remindAssessors(String reviewId) {
        JurisdictionReview review = review(reviewId);
        events.publishEvent(new JurisdictionReviewEvent(reviewId, "JURISDICTION_ASSESSMENT_OVERDUE",
                currentUser.requireUsername(), "REMINDED", "legal officers reminded: review of " + review.agreementKey()
                + " reported " + review.reportedAt() + " is not assessed yet"));
    }

    /** Records the outcome as final and notifies the parties' contacts (recorded and audited). Idempotent. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public JurisdictionReview close(String reviewId) {
        JurisdictionReview review = review(reviewId);
        if (review.status() == ReviewStatus.CLOSED) {
            return review;
        }
        requireAssessment(review, "Record the outcome", List.of(ReviewOutcome.values()));
        String notice = "To the contacts of the parties to " + review.agreementKey() + " — " + review.originatingState()
                + " (originating state) and " + review.hostState() + " (host state): the jurisdiction review started "
                + review.reportedAt() + " (" + review.eventKind().label() + ") closed with the outcome " + review.outcome()
                + ", decided by " + review.assessedBy() + (review.confirmedBy() == null ? "" : " and confirmed by "
                + review.confirmedBy()) + ". Justification: " + review.justification()
                + (review.evidence().isEmpty() ? "" : " Evidence: " + String.join(" | ", review.evidence()));
        String text = notice.length() > 2000 ? notice.substring(0, 1997) + "..." : notice;
        store.close(reviewId, text);
        String actor = currentUser.requireUsername();
        events.publishEvent(new JurisdictionReviewEvent(reviewId, "JURISDICTION_REVIEW_CLOSED", actor,
                review.outcome().name(), review.justification()));
        events.publishEvent(new JurisdictionReviewEvent(reviewId, "NOTIFICATION", actor, "SENT", text));
        return review(reviewId);
    }

    /**
     * Defence in depth: the outcome a step carries out must be the one recorded by the assessment form — by a
     * legal officer other than the reporter, and for an evacuation confirmed by a security officer other than
     * the assessor — whatever the process variables say; otherwise the step refuses (audited, then an incident).
     */
    private void requireAssessment(JurisdictionReview review, String step, List<ReviewOutcome> expected) {
        String missing = null;
        if (review.outcome() == null || review.assessedBy() == null) {
            missing = "no assessment is recorded";
        } else if (!expected.contains(review.outcome())) {
            missing = "the recorded outcome is " + review.outcome() + ", not " + expected;
        } else if (review.assessedBy().equals(review.reportedBy())) {
            missing = "the recorded assessment is by the reporter (" + review.reportedBy() + ")";
        } else if (review.outcome() == ReviewOutcome.EVACUATE && (review.confirmedBy() == null
                || review.confirmedBy().equals(review.assessedBy()) || review.status() != ReviewStatus.APPLYING)) {
            missing = "no confirmation of the evacuation by a security officer other than the assessor is recorded";
        } else if (review.status() != ReviewStatus.APPLYING) {
            missing = "the review is " + review.status() + ", not applying an assessed outcome";
        }
        if (missing != null) {
            throw safeguards.refused(step, review.subject(), missing);
        }
    }

    private JurisdictionReview review(String reviewId) {
        return store.find(reviewId).orElseThrow(() -> new IllegalStateException("no jurisdiction review " + reviewId));
    }
}
