package org.dataembassy.portal.obligations.internal;

import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.obligations.Obligations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code dataembassy.obligations.check} (default 1 h) asks what each published agreement owes and records the
 * breaches and reminders, as {@code system:scheduler}; then starts the jurisdiction reviews that duties falling due ask
 * for ({@code fulfilled_by: jurisdiction_review}). Each breach and reminder is recorded once however many nodes run it
 * (a conditional update); a review is started once per duty (none in flight, none started since its reminder).
 */
@Component
class DutiesSchedule {

    private static final Logger log = LoggerFactory.getLogger(DutiesSchedule.class);

    private final Obligations obligations;
    private final JurisdictionReviews reviews;

    DutiesSchedule(Obligations obligations, JurisdictionReviews reviews) {
        this.obligations = obligations;
        this.reviews = reviews;
    }

    @Scheduled(initialDelayString = "${dataembassy.obligations.check:PT1H}",
            fixedDelayString = "${dataembassy.obligations.check:PT1H}")
    void tick() {
        var refreshes = SystemAccount.callAs(Obligations.SCHEDULER,
                () -> obligations.agreementKeys().stream().map(obligations::refresh).toList());
        int breached = refreshes.stream().mapToInt(Obligations.Refresh::breached).sum();
        long unanswered = refreshes.stream().filter(r -> !r.answered()).count();
        long started = SystemAccount.callAs(Obligations.SCHEDULER, this::startDueReviews);
        if (breached > 0 || unanswered > 0 || started > 0) {
            log.info("duties schedule: {} new breach(es), {} agreement(s) not answered, {} review(s) started", breached,
                    unanswered, started);
        }
    }

    /** Starts the jurisdiction reviews that duties falling due (reminded) or breached ask for, once each. */
    long startDueReviews() {
        return obligations.awaiting(Obligations.JURISDICTION_REVIEW).stream()
                .filter(o -> reviews.startForDuty(o.agreementKey(), o.remindedAt() != null ? o.remindedAt() : o.breachedAt(),
                        o.action() + " (" + o.code() + ", due " + o.due() + ")").isPresent())
                .count();
    }
}
