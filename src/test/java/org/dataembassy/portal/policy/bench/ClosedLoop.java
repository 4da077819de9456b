package org.dataembassy.portal.policy.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.dataembassy.portal.identity.SystemAccount;

/**
 * A closed loop: each of {@code threads} threads calls the next query as soon as the previous one returned,
 * for a fixed duration, as the workflow's system account ({@link SystemAccount#WORKFLOW}), the way process
 * delegates call {@code PolicyDecisions}. Latency is measured around the call only.
 */
final class ClosedLoop {

    /** One call; returns whether the engine answered (false: a fail-closed "engine unavailable" deny). */
    interface Call<Q> {
        boolean call(Q query);
    }

    record Result(Latencies.Summary latency, long unanswered) {
    }

    private ClosedLoop() {
    }

    static <Q> Result run(List<Q> queries, Call<Q> call, int threads, Duration duration) {
        List<Latencies> recorded = new ArrayList<>();
        AtomicLong unanswered = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            Latencies mine = new Latencies();
            recorded.add(mine);
            int offset = t * (queries.size() / threads);
            Thread worker = new Thread(() -> SystemAccount.runAs(SystemAccount.WORKFLOW, () -> {
                await(start);
                long end = window[1];
                int i = offset;
                while (true) {
                    Q q = queries.get(i++ % queries.size());
                    long before = System.nanoTime();
                    if (before >= end) {
                        return;
                    }
                    boolean answered = call.call(q);
                    mine.add(System.nanoTime() - before);
                    if (!answered) {
                        unanswered.incrementAndGet();
                    }
                }
            }), "bench-" + t);
            workers.add(worker);
            worker.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        start.countDown(); // the latch publishes window[] to the workers
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        return new Result(Latencies.summarise(recorded, seconds), unanswered.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
