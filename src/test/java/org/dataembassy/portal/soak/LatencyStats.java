package org.dataembassy.portal.soak;

import java.util.List;

/** Calls of one name in one window: how many, how many failed, and the latency of those that succeeded (ms). */
record LatencyStats(int n, int errors, long p50, long p99, long max) {

    static LatencyStats of(List<Recorder.Call> calls) {
        long[] ok = calls.stream().filter(c -> c.kind() == Recorder.Kind.OK).mapToLong(Recorder.Call::millis).sorted().toArray();
        int errors = calls.size() - ok.length;
        if (ok.length == 0) {
            return new LatencyStats(calls.size(), errors, -1, -1, -1);
        }
        return new LatencyStats(calls.size(), errors, rank(ok, 0.50), rank(ok, 0.99), ok[ok.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
