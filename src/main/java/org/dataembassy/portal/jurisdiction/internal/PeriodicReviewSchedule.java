package org.dataembassy.portal.jurisdiction.internal;

import java.time.Duration;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.jurisdiction.JurisdictionProperties;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The periodic jurisdiction review: every {@code dataembassy.jurisdiction.schedule-check} (default 1 h) it starts
 * a review of each agreement in force whose latest review is older than
 * {@code dataembassy.jurisdiction.review-interval} (default 90 days), as {@code system:scheduler}.
 */
@Component
class PeriodicReviewSchedule {

    static final String ACCOUNT = "system:scheduler";
    private static final Logger log = LoggerFactory.getLogger(PeriodicReviewSchedule.class);

    private final JurisdictionReviews reviews;
    private final Duration interval;

    PeriodicReviewSchedule(JurisdictionReviews reviews, JurisdictionProperties settings) {
        this.reviews = reviews;
        this.interval = settings.reviewInterval();
    }

    @Scheduled(initialDelayString = "${dataembassy.jurisdiction.schedule-check:PT1H}",
            fixedDelayString = "${dataembassy.jurisdiction.schedule-check:PT1H}")
    void tick() {
        int started = SystemAccount.callAs(ACCOUNT, () -> reviews.scheduleDue(interval)).size();
        if (started > 0) {
            log.info("jurisdiction schedule started {} periodic review(s)", started);
        }
    }
}
