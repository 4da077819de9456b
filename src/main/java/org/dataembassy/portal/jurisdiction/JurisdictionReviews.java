package org.dataembassy.portal.jurisdiction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementStanding;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.jurisdiction.internal.EvacuationPlanner;
import org.dataembassy.portal.jurisdiction.internal.EventReportChecks;
import org.dataembassy.portal.jurisdiction.internal.JurisdictionReviewStore;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.policy.AccessRefusedException;
import org.dataembassy.portal.replication.ConfiguredSite;
import org.dataembassy.portal.replication.ConfiguredSites;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Jurisdiction reviews of the host state, per agreement: started ad hoc by a legal officer reporting an event or
 * periodically by the schedule (at most one review in flight per agreement), judged against the treaty's
 * jurisdiction rules, assessed by a second legal officer (the reporter never assesses their own report) and, for
 * an evacuation, confirmed by a security officer other than the assessor. Bad input is refused by field with
 * nothing started or changed.
 */
@Service
public class JurisdictionReviews {

    private static final Set<String> REVIEWABLE = Set.of("IN_FORCE", "SUSPENDED");

    private final JurisdictionReviewStore store;
    private final AgreementRegistry registry;
    private final ConfiguredSites sites;
    private final EvacuationPlanner planner;
    private final RuntimeService runtime;
    private final WorkTasks workTasks;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccessPolicy access;
    private final HostSituation situation;

    JurisdictionReviews(JurisdictionReviewStore store, AgreementRegistry registry, ConfiguredSites sites,
                        EvacuationPlanner planner, RuntimeService runtime, WorkTasks workTasks, CurrentUser currentUser,
                        ApplicationEventPublisher events, AccessPolicy access, Clock clock, HostSituation situation) {
        this.situation = situation;
        this.clock = clock;
        this.access = access;
        this.store = store;
        this.registry = registry;
        this.sites = sites;
        this.planner = planner;
        this.runtime = runtime;
        this.workTasks = workTasks;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** A legal officer reports an event about an agreement in force (or suspended) and starts its review. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public JurisdictionReview report(JurisdictionEventReport report) {
        Map<String, String> errors = new LinkedHashMap<>();
        AgreementStanding standing = agreement(report.agreementKey(), errors);
        EventReportChecks.Checked checked = EventReportChecks.check(report, report.agreementKey(),
                standing == null ? null : standing.hostState(), standing == null ? null : hostSites(standing),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String by = currentUser.requireUsername();
        List<String> concerned = checked.site() == null ? hostSites(standing) : List.of(checked.site());
        JurisdictionReview review = start(standing, JurisdictionReview.AD_HOC, report.kind(), checked.description(),
                concerned, by);
        situation.record(review, report.kind().fact(), standing.hostState(), checked.since(), report.until(), concerned,
                by);
        return review;
    }

    /**
     * The periodic review: starts one review for every agreement in force whose latest review (or, if it never had
     * one, its publication) is older than {@code interval} and that has no review in flight. SYSTEM only.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public List<JurisdictionReview> scheduleDue(Duration interval) {
        List<JurisdictionReview> started = new ArrayList<>();
        Instant now = clock.instant();
        for (AgreementStanding standing : registry.standings()) {
            if (!"IN_FORCE".equals(standing.lifecycle()) || store.inFlight(standing.key())) {
                continue;
            }
            Instant last = store.lastReported(standing.key()).orElse(standing.publishedAt());
            if (last == null || !last.plus(interval).isAfter(now)) {
                started.add(start(standing, JurisdictionReview.PERIODIC, EventKind.PERIODIC,
                        "Periodic review: the last review is older than " + describe(interval), hostSites(standing),
                        currentUser.requireUsername()));
            }
        }
        return started;
    }

    /**
     * A review a treaty duty asks for ("assess the host's legal situation every …"), falling due: starts one for the
     * agreement unless one is in flight or one was started at or after {@code dueSince} (when the duty's reminder went
     * out), so repeated calls start it once. Empty when none was started. SYSTEM only (the duties schedule).
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public Optional<JurisdictionReview> startForDuty(String agreementKey, Instant dueSince, String duty) {
        AgreementStanding standing = registry.standings().stream().filter(s -> s.key().equals(agreementKey)).findFirst()
                .orElse(null);
        if (standing == null || !REVIEWABLE.contains(standing.lifecycle()) || store.inFlight(agreementKey)
                || store.lastReported(agreementKey).filter(last -> !last.isBefore(dueSince)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(start(standing, JurisdictionReview.PERIODIC, EventKind.PERIODIC,
                "Periodic review the agreement requires: " + duty, hostSites(standing), currentUser.requireUsername()));
    }

    /** The latest reviews (at most 200), newest first. Legal and security officers, auditors. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'SECURITY_OFFICER', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<JurisdictionReview> reviews() {
        return store.recent(200);
    }

    /** One review. Legal and security officers, auditors, workflow steps. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'SECURITY_OFFICER', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public JurisdictionReview find(String reviewId) {
        return store.find(reviewId).orElseThrow(() -> new NoSuchElementException("no jurisdiction review " + reviewId));
    }

    /** The dataset copies an evacuation of the review's host sites would destroy, now. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'SECURITY_OFFICER', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public List<EvacuationTarget> evacuationPlan(String reviewId) {
        return planner.plan(find(reviewId));
    }

    /** The review behind an "Assess the jurisdiction" task. LEGAL_OFFICER. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional(readOnly = true)
    public JurisdictionReview forAssessmentTask(String taskId) {
        return find(idOf(task(taskId)));
    }

    /** The review behind a "Confirm the evacuation" task. SECURITY_OFFICER. */
    @PreAuthorize("hasRole('SECURITY_OFFICER')")
    @Transactional(readOnly = true)
    public JurisdictionReview forConfirmationTask(String taskId) {
        return find(idOf(task(taskId)));
    }

    /**
     * The assessment: an outcome and its justification. The authorization policy ({@code jurisdiction.assess})
     * refuses the reporter of the event ({@link AccessRefusedException}, four eyes); an evacuation needs a
     * host-state site to evacuate. LEGAL_OFFICER.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public void assess(String taskId, ReviewOutcome outcome, String justification) {
        String me = currentUser.requireUsername();
        JurisdictionReview review = find(idOf(task(taskId)));
        access.require("jurisdiction.assess", review.subject(), Map.of("reported_by", review.reportedBy()));
        Map<String, String> errors = new LinkedHashMap<>();
        String text = justification == null ? "" : justification.strip();
        if (outcome == null) {
            errors.put("outcome", "Choose an outcome");
        } else if (outcome == ReviewOutcome.EVACUATE && review.sites().isEmpty()) {
            errors.put("outcome", "No embassy site of the portal lies in " + review.hostState() + ": nothing to evacuate");
        }
        if (text.isEmpty()) {
            errors.put("justification", "Give the justification (it is recorded and sent to the parties)");
        } else if (text.length() > 2000) {
            errors.put("justification", "At most 2,000 characters");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.recordAssessment(review.id(), outcome, text, me, outcome == ReviewOutcome.EVACUATE
                ? ReviewStatus.AWAITING_CONFIRMATION : ReviewStatus.APPLYING);
        workTasks.complete(taskId, Map.of(JurisdictionReviewVariables.ASSESSMENT_OUTCOME, outcome.name()));
        events.publishEvent(new JurisdictionReviewEvent(review.id(), "JURISDICTION_ASSESSED", me, outcome.name(), text));
    }

    /**
     * A security officer confirms (or refuses, saying why) the evacuation; the authorization policy
     * ({@code jurisdiction.evacuation.confirm}) refuses the assessor (four eyes). A refusal sends the review back
     * to assessment. SECURITY_OFFICER.
     */
    @PreAuthorize("hasRole('SECURITY_OFFICER')")
    @Transactional
    public void confirmEvacuation(String taskId, boolean confirm, String note) {
        String me = currentUser.requireUsername();
        JurisdictionReview review = find(idOf(task(taskId)));
        access.require("jurisdiction.evacuation.confirm", review.subject(),
                Map.of("assessed_by", review.assessedBy() == null ? "" : review.assessedBy()));
        String text = note == null ? "" : note.strip();
        if (!confirm && text.isEmpty()) {
            throw InvalidInputException.of("note", "Say why the evacuation is refused");
        }
        if (text.length() > 2000) {
            throw InvalidInputException.of("note", "At most 2,000 characters");
        }
        store.recordConfirmation(review.id(), me, text, confirm ? ReviewStatus.APPLYING : ReviewStatus.IN_ASSESSMENT);
        if (!confirm) {
            store.addEvidence(review.id(), List.of("EVACUATION REFUSED by " + me + " (assessed by "
                    + review.assessedBy() + "): " + text));
        }
        workTasks.complete(taskId, Map.of(JurisdictionReviewVariables.EVACUATION_CONFIRMED, confirm));
        events.publishEvent(new JurisdictionReviewEvent(review.id(), confirm ? "EVACUATION_CONFIRMED" : "EVACUATION_REFUSED",
                me, confirm ? "CONFIRMED" : "REFUSED", "sites " + review.sites() + (text.isEmpty() ? "" : ": " + text)));
    }

    private JurisdictionReview start(AgreementStanding standing, String origin, EventKind kind, String description,
                                     List<String> hostSites, String by) {
        String id = UUID.randomUUID().toString();
        store.insert(id, standing.key(), origin, kind, description, hostSites, standing.originatingState(),
                standing.hostState(), by);
        var instance = runtime.startProcessInstanceByKey(JurisdictionReviewVariables.PROCESS_ID,
                JurisdictionReview.subject(id), Map.of(JurisdictionReviewVariables.REVIEW_ID, id));
        store.attachProcess(id, instance.getId());
        events.publishEvent(new JurisdictionReviewEvent(id, "JURISDICTION_REVIEW_STARTED", by, kind.name(),
                standing.key() + ": " + kind.label() + " — " + description));
        return store.find(id).orElseThrow();
    }

    private AgreementStanding agreement(String key, Map<String, String> errors) {
        if (key == null || key.isBlank()) {
            errors.put("agreement", "Choose the agreement");
            return null;
        }
        AgreementStanding standing = registry.standings().stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
        if (standing == null) {
            errors.put("agreement", "No published agreement " + key);
        } else if (!REVIEWABLE.contains(standing.lifecycle())) {
            errors.put("agreement", key + " is " + standing.lifecycle() + "; only an agreement in force or suspended is reviewed");
        } else if (store.inFlight(key)) {
            errors.put("agreement", "A review of " + key + " is already under way; it must be closed first");
        } else {
            return standing;
        }
        return null;
    }

    private static String describe(Duration interval) {
        return interval.toDays() > 0 && interval.equals(Duration.ofDays(interval.toDays()))
                ? interval.toDays() + " days" : interval.toString();
    }

    /** The configured embassy sites on the host state's territory. */
    private List<String> hostSites(AgreementStanding standing) {
        return sites.all().stream()
                .filter(s -> s.role() == ConfiguredSite.Role.EMBASSY && s.country().value().equals(standing.hostState()))
                .map(s -> s.id().value()).toList();
    }

    private WorkTask task(String taskId) {
        return workTasks.find(taskId).orElseThrow(() -> new NoSuchElementException("no open task " + taskId));
    }

    private static String idOf(WorkTask task) {
        String prefix = JurisdictionReview.subject("");
        if (task.businessKey() == null || !task.businessKey().startsWith(prefix)) {
            throw new NoSuchElementException("task " + task.id() + " is not about a jurisdiction review");
        }
        return task.businessKey().substring(prefix.length());
    }
}
