package org.dataembassy.portal.status.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.dataembassy.portal.replication.DatasetReplicated;
import org.dataembassy.portal.replication.DatasetVerified;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What the replication engine did, counted from its events: bytes uploaded per dataset
 * ({@code dataembassy_replicated_bytes_total}), scrubs per dataset and result
 * ({@code dataembassy_scrubs_total{result="clean|damaged"}}), the problems they found
 * ({@code dataembassy_scrub_problems_total}) and those of the latest scrub ({@code dataembassy_scrub_last_problems}),
 * which falls back to 0 when a repair made the dataset clean again.
 */
@Component
class ReplicationCounters {

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> lastProblems = new ConcurrentHashMap<>();

    ReplicationCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void replicated(DatasetReplicated event) {
        Counter.builder("dataembassy.replicated").baseUnit("bytes").tag("dataset_id", event.datasetId())
                .description("Bytes uploaded to embassy sites, catch-up copies included").register(meters)
                .increment(event.bytes());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void verified(DatasetVerified event) {
        Counter.builder("dataembassy.scrubs").tag("dataset_id", event.datasetId())
                .tag("result", event.clean() ? "clean" : "damaged")
                .description("Verification scrubs of a dataset at its sites").register(meters).increment();
        Counter.builder("dataembassy.scrub.problems").tag("dataset_id", event.datasetId())
                .description("Damaged or missing objects and unreachable sites found by scrubs").register(meters)
                .increment(event.problems());
        lastProblems.computeIfAbsent(event.datasetId(), id -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder("dataembassy.scrub.last.problems", holder, AtomicLong::get).tag("dataset_id", id)
                    .description("Problems the latest scrub of a dataset found").register(meters);
            return holder;
        }).set(event.problems());
    }
}
