package org.dataembassy.portal.jurisdiction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.jurisdiction.internal.HostStateEventStore;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The host state's situation as jurisdiction reviews record it: events (martial law, a state of emergency, a court
 * order …) with their first and last day, which every treaty decision sees while they last
 * ({@code internal/SituationFacts}). A review records one when it is reported; a legal officer ends it. Audited on the
 * review's subject.
 */
@Service
public class HostSituation {

    private final HostStateEventStore store;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HostSituation(HostStateEventStore store, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Records the event a review was reported with (in the report's transaction; its checks are the report's). */
    HostStateEvent record(JurisdictionReview review, String kind, String state, LocalDate since, LocalDate until,
                          List<String> sites, String by) {
        HostStateEvent fact = new HostStateEvent(UUID.randomUUID().toString(), kind, state, since, until, sites,
                JurisdictionReview.subject(review.id()), by, clock.instant(), null, review.id());
        store.insert(fact, "reported with jurisdiction review " + review.id());
        events.publishEvent(new JurisdictionReviewEvent(review.id(), "HOST_EVENT_RECORDED", by, fact.kind(),
                fact.state() + " from " + since + (until == null ? "" : " to " + until) + ": every treaty decision now sees it"));
        return fact;
    }

    /**
     * Ends a recorded host-state event on {@code lastDay} (included): decisions dated after it no longer see it.
     * LEGAL_OFFICER; audited on the review that recorded it.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public HostStateEvent endEvent(String eventId, LocalDate lastDay) {
        HostStateEvent event = store.find(eventId == null ? "" : eventId)
                .orElseThrow(() -> InvalidInputException.of("event", "No recorded event " + eventId));
        if (lastDay == null) {
            throw InvalidInputException.of("until", "Give the last day of the situation");
        }
        if (lastDay.isBefore(event.since())) {
            throw InvalidInputException.of("until", "The last day (" + lastDay + ") lies before the first (" + event.since() + ")");
        }
        String by = currentUser.requireUsername();
        if (!store.end(event.id(), lastDay, by)) {
            throw InvalidInputException.of("event", "The event has ended already (" + event.until() + ")");
        }
        events.publishEvent(new JurisdictionReviewEvent(event.reviewId(), "HOST_EVENT_ENDED", by, event.kind(),
                event.state() + " to " + lastDay));
        return store.find(event.id()).orElseThrow();
    }

    /** The recorded host-state events, latest first (at most {@code limit}, up to 500). */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'SECURITY_OFFICER', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<HostStateEvent> events(int limit) {
        return store.latest(Math.max(1, Math.min(limit, 500)));
    }
}
