package org.dataembassy.portal.obligations.internal;

import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.obligations.Obligations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code dataembassy.obligations.check} (default 1 h) asks what each published agreement owes and records the
 * breaches, as {@code system:scheduler}. Each breach is recorded once however many nodes run it (a conditional update).
 */
@Component
class DutiesSchedule {

    private static final Logger log = LoggerFactory.getLogger(DutiesSchedule.class);

    private final Obligations obligations;

    DutiesSchedule(Obligations obligations) {
        this.obligations = obligations;
    }

    @Scheduled(initialDelayString = "${dataembassy.obligations.check:PT1H}",
            fixedDelayString = "${dataembassy.obligations.check:PT1H}")
    void tick() {
        var refreshes = SystemAccount.callAs(Obligations.SCHEDULER,
                () -> obligations.agreementKeys().stream().map(obligations::refresh).toList());
        int breached = refreshes.stream().mapToInt(Obligations.Refresh::breached).sum();
        long unanswered = refreshes.stream().filter(r -> !r.answered()).count();
        if (breached > 0 || unanswered > 0) {
            log.info("duties schedule: {} new breach(es), {} agreement(s) not answered", breached, unanswered);
        }
    }
}
