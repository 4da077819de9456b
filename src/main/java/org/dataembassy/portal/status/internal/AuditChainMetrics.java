package org.dataembassy.portal.status.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.audit.AuditVerification;
import org.dataembassy.portal.identity.SystemAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain end to end every {@code dataembassy.metrics.audit-check} (and once a minute after start)
 * as {@value OperationsMetrics#ACCOUNT}, so {@code dataembassy_audit_chain_intact} says whether the trail was
 * tampered with and {@code dataembassy_audit_chain_checked_timestamp_seconds} how fresh that answer is. Not a
 * number (NaN) until the first check.
 */
@Component
class AuditChainMetrics {

    private static final Logger log = LoggerFactory.getLogger(AuditChainMetrics.class);

    private final AuditTrail audit;
    private final Clock clock;
    private final OperationsMetrics parts;
    private final AtomicReference<Double> intact = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> checkedAt = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> entries = new AtomicReference<>(Double.NaN);

    AuditChainMetrics(MeterRegistry meters, AuditTrail audit, Clock clock, OperationsMetrics parts) {
        this.audit = audit;
        this.clock = clock;
        this.parts = parts;
        Gauge.builder("dataembassy.audit.chain.intact", intact, AtomicReference::get).strongReference(true)
                .description("1 when the last verification found the audit chain intact, 0 when it found a problem")
                .register(meters);
        Gauge.builder("dataembassy.audit.chain.checked.timestamp", checkedAt, AtomicReference::get).baseUnit("seconds")
                .strongReference(true).description("When the audit chain was last verified").register(meters);
        Gauge.builder("dataembassy.audit.chain.entries", entries, AtomicReference::get).strongReference(true)
                .description("Entries the last verification checked").register(meters);
    }

    @Scheduled(initialDelayString = "${dataembassy.metrics.first-audit-check:PT1M}", fixedDelayString = "${dataembassy.metrics.audit-check:PT1H}")
    void check() {
        SystemAccount.runAs(OperationsMetrics.ACCOUNT, () -> parts.part("audit", () -> {
            AuditVerification verification = audit.verify();
            intact.set(verification.intact() ? 1.0 : 0.0);
            entries.set((double) verification.entriesChecked());
            checkedAt.set(clock.instant().toEpochMilli() / 1000.0);
            if (!verification.intact()) {
                log.error("audit chain verification found {} problem(s); the first: {}",
                        verification.problems().size(), verification.problems().get(0));
            }
        }));
    }
}
