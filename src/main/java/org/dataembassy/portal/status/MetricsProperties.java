package org.dataembassy.portal.status;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataembassy.metrics.*}: what an operator's Prometheus scrapes at {@code /actuator/prometheus}.
 *
 * @param scrapeToken the bearer token a scrape must present; empty: generated once into
 *                    {@code <data-dir>/metrics/scrape-token} (owner read only), which Prometheus reads with
 *                    {@code authorization.credentials_file}
 * @param refresh     how often the portal recounts what the gauges show (recovery points, tasks, incidents,
 *                    obligations, OPAs); default 15 s, at least 1 s
 * @param auditCheck  how often the audit chain is verified end to end for {@code dataembassy_audit_chain_intact}
 *                    (default 1 h, at least 1 min: a full check reads every entry)
 * @param firstAuditCheck how long after start the first verification runs (default 1 min)
 */
@Validated
@ConfigurationProperties("dataembassy.metrics")
public record MetricsProperties(String scrapeToken, Duration refresh, Duration auditCheck, Duration firstAuditCheck) {

    public MetricsProperties(@DefaultValue("") String scrapeToken, @DefaultValue("PT15S") Duration refresh,
                             @DefaultValue("PT1H") Duration auditCheck, @DefaultValue("PT1M") Duration firstAuditCheck) {
        if (refresh.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("dataembassy.metrics.refresh must be at least 1 s: " + refresh);
        }
        if (auditCheck.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("dataembassy.metrics.audit-check must be at least 1 min: " + auditCheck);
        }
        this.scrapeToken = scrapeToken;
        this.refresh = refresh;
        this.auditCheck = auditCheck;
        this.firstAuditCheck = firstAuditCheck;
    }
}
