package org.dataembassy.portal.policy.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Per-call latencies in nanoseconds, one instance per thread (no sharing while measuring), merged and sorted
 * once at the end. A sorted array is exact and small enough here: a 10 s run is at most a few hundred
 * thousand calls.
 */
public final class Latencies {

    private long[] values = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** The merged, sorted view of several threads' recordings. */
    static Summary summarise(List<Latencies> parts, double seconds) {
        int total = parts.stream().mapToInt(p -> p.size).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies p : parts) {
            System.arraycopy(p.values, 0, all, at, p.size);
            at += p.size;
        }
        Arrays.sort(all);
        return new Summary(total, seconds, percentile(all, 50), percentile(all, 99), total == 0 ? 0 : all[total - 1]);
    }

    /** The summary of recorded latencies (nanoseconds) over {@code seconds} of wall time. */
    public static Summary summarise(long[] nanos, double seconds) {
        long[] all = nanos.clone();
        Arrays.sort(all);
        return new Summary(all.length, seconds, percentile(all, 50), percentile(all, 99), all.length == 0 ? 0 : all[all.length - 1]);
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public record Summary(int calls, double seconds, long p50, long p99, long max) {

        public double perSecond() {
            return calls / seconds;
        }
    }
}
