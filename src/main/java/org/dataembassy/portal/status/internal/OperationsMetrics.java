package org.dataembassy.portal.status.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.obligations.ObligationCount;
import org.dataembassy.portal.obligations.Obligations;
import org.dataembassy.portal.policy.OpaInstance;
import org.dataembassy.portal.policy.PolicyEngine;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.workflow.TaskCount;
import org.dataembassy.portal.workflow.WorkflowEngine;
import org.dataembassy.portal.workflow.WorkflowIncident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The gauges an operator alerts on (docs/operations.md, "Metrics and alerts"), recounted every
 * {@code dataembassy.metrics.refresh} as {@value #ACCOUNT} through the modules' own services, so a scrape reads
 * numbers and never waits for the database, Camunda or a site: recovery point per dataset and site against its
 * target, open and overdue tasks per role, open incidents and the oldest one's age, duties per agreement, each OPA's
 * bundle state ({@link AuditChainMetrics} verifies the audit chain on its own schedule). One part failing leaves the
 * others current and counts {@code dataembassy_metrics_refresh_failures_total{part}}.
 */
@Component
class OperationsMetrics {

    static final String ACCOUNT = "system:metrics";
    private static final Logger log = LoggerFactory.getLogger(OperationsMetrics.class);

    private final MeterRegistry meters;
    private final DatasetOnboarding datasets;
    private final DatasetReplication replication;
    private final WorkflowEngine workflow;
    private final Obligations obligations;
    private final PolicyEngine policy;
    private final Clock clock;
    private final Map<String, MultiGauge> families = new ConcurrentHashMap<>();
    private final AtomicReference<Double> incidentsOpen = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> oldestIncidentAge = new AtomicReference<>(Double.NaN);

    OperationsMetrics(MeterRegistry meters, DatasetOnboarding datasets, DatasetReplication replication,
                      WorkflowEngine workflow, Obligations obligations, PolicyEngine policy, Clock clock) {
        this.meters = meters;
        this.datasets = datasets;
        this.replication = replication;
        this.workflow = workflow;
        this.obligations = obligations;
        this.policy = policy;
        this.clock = clock;
        gauge("dataembassy.incidents.open", null, "Open workflow incidents (failed steps waiting for an operator)",
                incidentsOpen);
        gauge("dataembassy.incidents.oldest.age", "seconds", "Age of the oldest open incident; 0 when none",
                oldestIncidentAge);
    }

    @Scheduled(initialDelayString = "${dataembassy.metrics.refresh:PT15S}", fixedDelayString = "${dataembassy.metrics.refresh:PT15S}")
    void refresh() {
        SystemAccount.runAs(ACCOUNT, () -> {
            Instant now = clock.instant();
            part("recovery_points", () -> recoveryPoints(now));
            part("tasks", () -> tasks(now));
            part("incidents", () -> incidents(now));
            part("obligations", this::obligations);
            part("opa", () -> opa(now));
        });
    }

    private void recoveryPoints(Instant now) {
        List<MultiGauge.Row<?>> age = new ArrayList<>();
        List<MultiGauge.Row<?>> target = new ArrayList<>();
        List<MultiGauge.Row<?>> missing = new ArrayList<>();
        for (OnboardingRequest d : datasets.activeDatasets()) {
            Tags dataset = Tags.of("dataset", clip(d.name()), "dataset_id", d.id());
            target.add(MultiGauge.Row.of(dataset, Duration.ofHours(d.recoveryPointHours()).toSeconds()));
            Map<String, Instant> points = replication.recoveryPoints(d.id());
            for (String site : d.targetSites()) {
                Instant point = points.get(site);
                if (point == null) {
                    missing.add(MultiGauge.Row.of(dataset.and("site", site), 1));
                } else {
                    age.add(MultiGauge.Row.of(dataset.and("site", site), seconds(Duration.between(point, now))));
                }
            }
        }
        family("dataembassy.recovery.point.age", "seconds",
                "Age of the newest verified snapshot a site holds of an active dataset").register(age, true);
        family("dataembassy.recovery.point.target", "seconds",
                "How old an active dataset's replicas may grow (its recovery point objective)").register(target, true);
        family("dataembassy.replicas.missing", null,
                "1 for a site an active dataset should be at that holds no verified snapshot of it").register(missing, true);
    }

    private void tasks(Instant now) {
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> overdue = new ArrayList<>();
        for (TaskCount c : workflow.taskCounts(now)) {
            open.add(MultiGauge.Row.of(Tags.of("role", c.role()), c.open()));
            overdue.add(MultiGauge.Row.of(Tags.of("role", c.role()), c.overdue()));
        }
        family("dataembassy.tasks.open", null, "Human tasks open for a role").register(open, true);
        family("dataembassy.tasks.overdue", null, "Open human tasks of a role past their due date").register(overdue, true);
    }

    private void incidents(Instant now) {
        List<WorkflowIncident> open = workflow.incidents();
        incidentsOpen.set((double) open.size());
        oldestIncidentAge.set(open.isEmpty() ? 0.0 : seconds(Duration.between(open.get(0).since(), now)));
    }

    private void obligations() {
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> soon = new ArrayList<>();
        List<MultiGauge.Row<?>> overdue = new ArrayList<>();
        List<MultiGauge.Row<?>> breached = new ArrayList<>();
        for (ObligationCount c : obligations.counts()) {
            Tags agreement = Tags.of("agreement", c.agreementKey());
            open.add(MultiGauge.Row.of(agreement, c.open()));
            soon.add(MultiGauge.Row.of(agreement, c.dueSoon()));
            overdue.add(MultiGauge.Row.of(agreement, c.overdue()));
            breached.add(MultiGauge.Row.of(agreement, c.breached()));
        }
        family("dataembassy.obligations.open", null, "Treaty duties owed and not yet done").register(open, true);
        family("dataembassy.obligations.due.soon", null, "Open treaty duties due within seven days").register(soon, true);
        family("dataembassy.obligations.overdue", null, "Open treaty duties past due").register(overdue, true);
        family("dataembassy.obligations.breached", null, "Treaty duties marked breached").register(breached, true);
    }

    private void opa(Instant now) {
        List<MultiGauge.Row<?>> current = new ArrayList<>();
        List<MultiGauge.Row<?>> reportAge = new ArrayList<>();
        List<MultiGauge.Row<?>> activated = new ArrayList<>();
        List<MultiGauge.Row<?>> served = new ArrayList<>();
        for (OpaInstance o : policy.instances()) {
            Tags opa = Tags.of("opa", o.id(), "role", o.role());
            current.add(MultiGauge.Row.of(opa, o.current() ? 1 : 0));
            reportAge.add(MultiGauge.Row.of(opa, seconds(Duration.between(o.reportedAt(), now))));
            if (o.lastActivation() != null) {
                activated.add(MultiGauge.Row.of(opa, o.lastActivation().toEpochMilli() / 1000.0));
            }
            if (served.isEmpty()) {
                served.add(MultiGauge.Row.of(Tags.of("revision", o.servedRevision()), 1));
            }
        }
        family("dataembassy.opa.current", null,
                "1 when an OPA runs the bundle revision the portal serves, without a bundle error").register(current, true);
        family("dataembassy.opa.report.age", "seconds", "Time since an OPA last reported its status").register(reportAge, true);
        family("dataembassy.opa.last.activation.timestamp", "seconds",
                "When an OPA last activated a bundle, as it reports").register(activated, true);
        family("dataembassy.policy.bundle.served", null, "1 for the bundle revision the portal serves").register(served, true);
    }

    void part(String name, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("metrics part {} could not be refreshed: {}", name, e.toString());
            Counter.builder("dataembassy.metrics.refresh.failures").tag("part", name)
                    .description("Refreshes of a part of the operations metrics that failed").register(meters).increment();
        }
    }

    private MultiGauge family(String name, String unit, String description) {
        return families.computeIfAbsent(name, n -> MultiGauge.builder(n).baseUnit(unit).description(description)
                .register(meters));
    }

    private void gauge(String name, String unit, String description, AtomicReference<Double> value) {
        Gauge.builder(name, value, AtomicReference::get).baseUnit(unit).description(description).strongReference(true)
                .register(meters);
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static String clip(String text) {
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
