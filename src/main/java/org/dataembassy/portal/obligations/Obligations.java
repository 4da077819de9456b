package org.dataembassy.portal.obligations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementStanding;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.obligations.internal.ObligationStore;
import org.dataembassy.portal.obligations.internal.ReminderTime;
import org.dataembassy.portal.policy.Obligation;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tracks the duties agreements impose. {@link #refresh} asks the treaty rules' duties entry point
 * ({@code dataembassy/duties}, with the fulfilments recorded here as facts) what each agreement owes now, records
 * every duty with its due instant, and marks the overdue ones breached (audited {@code OBLIGATION_BREACHED}, once,
 * whichever node finds it). A legal officer records a duty done with its day and evidence ({@link #fulfil}); a
 * periodic duty then runs again from that day. The rules decide what is owed and when; this service records.
 */
@Service
public class Obligations {

    /** The principal of scheduled checks. */
    public static final String SCHEDULER = "system:scheduler";

    private final ObligationStore store;
    private final PolicyDecisions decisions;
    private final AgreementRegistry registry;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObligationsProperties properties;

    Obligations(ObligationStore store, PolicyDecisions decisions, AgreementRegistry registry, CurrentUser currentUser,
                ApplicationEventPublisher events, Clock clock, ObligationsProperties properties) {
        this.properties = properties;
        this.store = store;
        this.decisions = decisions;
        this.registry = registry;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The portal activity a closed jurisdiction review is; a duty with this {@code fulfilled_by} is met by one. */
    public static final String JURISDICTION_REVIEW = "jurisdiction_review";

    /**
     * What one refresh found: duties the rules listed, newly breached, newly reminded; {@code answered} false when OPA
     * could not answer.
     */
    public record Refresh(String agreementKey, boolean answered, int listed, int breached, int reminded) {
    }

    /**
     * Asks what {@code agreementKey} owes now and records it. LEGAL_OFFICER (the "Check now" button) or SYSTEM (the
     * schedule). An unanswered question (OPA unavailable) changes nothing.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'SYSTEM')")
    @Transactional
    public Refresh refresh(String agreementKey) {
        PolicyDecision answer = decisions.decide(new PolicyQuery("dataembassy/duties", "obligations:" + agreementKey,
                Map.of("agreement", agreementKey)));
        if (answer.engineUnavailable() || answer.outcome() == PolicyDecision.Outcome.DENY) {
            return new Refresh(agreementKey, false, 0, 0, 0);
        }
        String actor = currentUser.requireUsername();
        int breached = 0;
        for (Obligation o : answer.obligations()) {
            Instant now = clock.instant();
            TrackedObligation tracked = store.track(agreementKey, o, ReminderTime.of(o, properties.remindShare(), now), now);
            if ("fulfilled".equals(o.status()) && tracked.status() != ObligationStatus.FULFILLED
                    && store.markFulfilled(tracked.id(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), actor,
                    "done according to the portal's own records (" + o.clause() + ")")) {
                events.publishEvent(new ObligationEvent(tracked.id(), "OBLIGATION_FULFILLED", actor, o.code(), agreementKey
                        + ": " + o.action() + " is done according to the portal's own records"));
                continue;
            }
            if ("overdue".equals(o.status()) && tracked.status() == ObligationStatus.OPEN
                    && store.markBreached(tracked.id(), clock.instant())) {
                breached++;
                events.publishEvent(new ObligationEvent(tracked.id(), "OBLIGATION_BREACHED", actor, o.code(),
                        agreementKey + ": " + o.action() + " (" + o.owedBy() + " to " + o.owedTo() + ", " + articleText(o)
                                + ") was due at " + o.due() + " and is not recorded as done"));
            }
        }
        int reminded = 0;
        for (TrackedObligation due : store.dueForReminder(agreementKey, clock.instant())) {
            if (store.markReminded(due.id(), clock.instant())) {
                reminded++;
                events.publishEvent(new ObligationEvent(due.id(), "OBLIGATION_DUE_SOON", actor, due.code(), agreementKey
                        + ": " + due.action() + " (" + due.owedBy() + " to " + due.owedTo() + ") is due at " + due.due()
                        + (due.fulfilledThrough() == null ? "" : "; met by a " + due.fulfilledThrough().replace('_', ' '))));
            }
        }
        return new Refresh(agreementKey, true, answer.obligations().size(), breached, reminded);
    }

    /**
     * A portal activity was completed: every duty of the agreement it meets ({@code fulfilled_by}) and not yet done is
     * recorded done on {@code on} with {@code evidence} (audited {@code OBLIGATION_FULFILLED} by {@code actor}), and the
     * rules are asked again so the next period is tracked. The duties are tracked first, so an activity completed
     * before any check still counts. SYSTEM: the workflow step that completes the activity calls it.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public List<TrackedObligation> fulfilThrough(String agreementKey, String activity, LocalDate on, String evidence) {
        refresh(agreementKey);
        String actor = currentUser.requireUsername();
        List<TrackedObligation> met = new ArrayList<>();
        for (TrackedObligation o : store.pendingThrough(agreementKey, activity)) {
            if (store.markFulfilled(o.id(), on, actor, clip(evidence))) {
                events.publishEvent(new ObligationEvent(o.id(), "OBLIGATION_FULFILLED", actor, o.code(), agreementKey + ": "
                        + o.action() + " met by " + clip(evidence) + " on " + on
                        + (o.breachedAt() == null ? "" : " (late: due " + o.due() + ")")));
                met.add(store.find(o.id()).orElseThrow());
            }
        }
        if (!met.isEmpty()) {
            refresh(agreementKey);
        }
        return met;
    }

    /**
     * Duties met by {@code activity} that are due soon (reminded) or breached, across agreements: the schedule starts
     * the activity for them. SYSTEM.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(readOnly = true)
    public List<TrackedObligation> awaiting(String activity) {
        return store.awaitingActivity(activity);
    }

    private static String clip(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    /** The published agreements, whose duties the schedule refreshes one by one. SYSTEM or LEGAL_OFFICER. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'SYSTEM')")
    public List<String> agreementKeys() {
        return registry.standings().stream().map(AgreementStanding::key).toList();
    }

    /**
     * Records a duty done on {@code on} with its evidence (what shows it: a report's reference, a note verbale), then
     * asks again, so a periodic duty's next period is tracked. LEGAL_OFFICER; audited {@code OBLIGATION_FULFILLED}.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public TrackedObligation fulfil(String obligationId, LocalDate on, String evidence) {
        TrackedObligation o = store.find(obligationId == null ? "" : obligationId)
                .orElseThrow(() -> InvalidInputException.of("obligation", "No tracked obligation " + obligationId));
        String text = evidence == null ? "" : evidence.strip();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (on == null) {
            throw InvalidInputException.of("on", "Give the day it was done");
        }
        if (on.isAfter(today)) {
            throw InvalidInputException.of("on", "A day that has come (today is " + today + ")");
        }
        if (text.length() < 5) {
            throw InvalidInputException.of("evidence", "Say what shows it was done (5 to 2,000 characters)");
        }
        if (text.length() > 2000) {
            throw InvalidInputException.of("evidence", "At most 2,000 characters");
        }
        String me = currentUser.requireUsername();
        if (!store.markFulfilled(o.id(), on, me, text)) {
            throw InvalidInputException.of("obligation", "Recorded as done already, on " + o.fulfilledOn());
        }
        events.publishEvent(new ObligationEvent(o.id(), "OBLIGATION_FULFILLED", me, o.code(), o.agreementKey() + ": "
                + o.action() + " done on " + on + (o.breachedAt() == null ? "" : " (late: due " + o.due() + ")")));
        refresh(o.agreementKey());
        return store.find(o.id()).orElseThrow();
    }

    /** Tracked duties, breached first, then by due instant; of one agreement when {@code agreementKey} is given. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<TrackedObligation> list(String agreementKey, int limit) {
        return store.list(agreementKey, Math.max(1, Math.min(limit, 1000)));
    }

    /** Where each agreement's tracked duties stand now (open, due within seven days, overdue, breached). ADMIN, AUDITOR, the system. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public List<ObligationCount> counts() {
        Instant now = clock.instant();
        return store.counts(now, now.plus(Duration.ofDays(7)));
    }

    /** The agreements with tracked duties (what the obligations page offers to filter by). */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<String> trackedAgreements() {
        return store.agreementKeys();
    }

    private static String articleText(Obligation o) {
        return o.article().isEmpty() ? "clause " + o.clause() : o.article();
    }
}
