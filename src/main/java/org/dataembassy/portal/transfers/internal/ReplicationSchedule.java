package org.dataembassy.portal.transfers.internal;

import java.time.Duration;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransfersProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every active dataset within its recovery point: every {@code dataembassy.transfers.schedule-check}
 * (default 5 min) it starts a transfer for each embassy replica older than
 * {@code dataembassy.transfers.replication-interval} (default 24 h), as {@code system:scheduler}.
 */
@Component
class ReplicationSchedule {

    static final String ACCOUNT = "system:scheduler";
    private static final Logger log = LoggerFactory.getLogger(ReplicationSchedule.class);

    private final CrossBorderTransfers transfers;
    private final Duration interval;

    ReplicationSchedule(CrossBorderTransfers transfers, TransfersProperties settings) {
        this.transfers = transfers;
        this.interval = settings.replicationInterval();
    }

    @Scheduled(initialDelayString = "${dataembassy.transfers.schedule-check:PT5M}",
            fixedDelayString = "${dataembassy.transfers.schedule-check:PT5M}")
    void tick() {
        int started = SystemAccount.callAs(ACCOUNT, () -> transfers.scheduleDue(interval)).size();
        if (started > 0) {
            log.info("replication schedule started {} transfer(s)", started);
        }
    }
}
