package org.dataembassy.portal.status.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.shared.PortalProperties;
import org.dataembassy.portal.shared.SecretFiles;
import org.dataembassy.portal.status.MetricsProperties;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15's metrics, scraped over real HTTP the way Prometheus does: only with the scrape token, and after a dataset
 * went all the way to ACTIVE (onboarding decided by the real OPA, replicated and scrubbed by the real engine) its
 * series are there with values that follow from what happened.
 */
@PortalIntegrationTest
class MetricsScrapeIT {

    @LocalServerPort
    int port;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning provisioning;
    @Autowired
    WorkTasks tasks;
    @Autowired
    OperationsMetrics metrics;
    @Autowired
    AuditChainMetrics auditChain;
    @Autowired
    MetricsProperties settings;
    @Autowired
    PortalProperties portal;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        return SecretFiles.tokenOrGenerated(settings.scrapeToken(), portal.home().resolve(MetricsScrapeSecurity.TOKEN_FILE));
    }

    @Test
    void withoutTheScrapeTokenNothingIsShown() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer not-the-token").statusCode()).isEqualTo(401);
        assertThat(scrape("Basic YWRtaW46YWRtaW4=").statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = scrape("Bearer " + token());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).doesNotContain(token());
    }

    @Test
    void anActiveDatasetsRecoveryPointReplicationScrubAndDecisionAreScraped() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks)
                .activeDataset(provisioning, "dora", "Metrics register", List.of("embassy-lu"));
        metrics.refresh();
        auditChain.check();

        HttpResponse<String> scraped = scrape("Bearer " + token());
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String body = scraped.body();
        Map<String, String> ours = Map.of("dataset_id", dataset.id(), "site", "embassy-lu");

        assertThat(value(body, "dataembassy_recovery_point_age_seconds", ours)).hasValueSatisfying(age ->
                assertThat(age).isBetween(0.0, 3600.0));
        assertThat(value(body, "dataembassy_recovery_point_target_seconds", Map.of("dataset_id", dataset.id())))
                .contains(dataset.recoveryPointHours() * 3600.0);
        assertThat(value(body, "dataembassy_replicas_missing", ours)).isEmpty();
        assertThat(value(body, "dataembassy_replicated_bytes_total", Map.of("dataset_id", dataset.id())))
                .hasValueSatisfying(bytes -> assertThat(bytes).isPositive());
        assertThat(value(body, "dataembassy_scrubs_total", Map.of("dataset_id", dataset.id(), "result", "clean")))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1.0));
        assertThat(value(body, "dataembassy_scrub_last_problems", Map.of("dataset_id", dataset.id()))).contains(0.0);
        assertThat(value(body, "dataembassy_decisions_seconds_count", Map.of("entry_point", "onboarding", "outcome", "allow")))
                .hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1.0));
        assertThat(value(body, "dataembassy_decisions_seconds_bucket",
                Map.of("entry_point", "onboarding", "outcome", "allow", "le", "2.0"))).isPresent();
        assertThat(value(body, "dataembassy_tasks_open", Map.of("role", "LEGAL_OFFICER"))).isPresent();
        assertThat(value(body, "dataembassy_tasks_overdue", Map.of("role", "SECURITY_OFFICER"))).isPresent();
        assertThat(value(body, "dataembassy_incidents_open", Map.of())).hasValueSatisfying(n -> assertThat(n).isNotNegative());
        assertThat(value(body, "dataembassy_audit_chain_intact", Map.of())).contains(1.0);
        assertThat(value(body, "dataembassy_audit_chain_entries", Map.of())).hasValueSatisfying(n -> assertThat(n).isPositive());
        // the supervised OPA reports its status on its own schedule: the series appears with its first report
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            metrics.refresh();
            assertThat(value(scrape("Bearer " + token()).body(), "dataembassy_opa_current", Map.of("role", "supervised")))
                    .hasValueSatisfying(v -> assertThat(v).isIn(0.0, 1.0));
        });
        assertThat(value(body, "dataembassy_metrics_refresh_failures_total", Map.of())).isEmpty();
    }

    /** The value of the first sample of {@code name} whose labels include {@code labels}; empty when none. */
    static Optional<Double> value(String exposition, String name, Map<String, String> labels) {
        return exposition.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream().allMatch(l -> line.contains(l.getKey() + "=\"" + l.getValue() + "\"")))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
