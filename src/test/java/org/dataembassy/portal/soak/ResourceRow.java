package org.dataembassy.portal.soak;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The portal's resources in one window: medians of the samples (maxima for the pool's active, pending and total
 * connections, which must never pile up), memory in MiB. -1 where nothing was measured.
 */
record ResourceRow(int window, int samples, double rssMiB, double heapMiB, double heapCommittedMiB, double liveDataMiB,
                   double nonHeapMiB, double threads,
                   double jvmThreads, double fds, double hikariActiveMax, double hikariIdle, double hikariPendingMax,
                   double hikariTotalMax, double hikariTimeouts, double sessions, double opaRssMiB, double load1) {

    private static final double MIB = 1024 * 1024;

    static ResourceRow of(int window, List<Sample> samples) {
        return new ResourceRow(window, samples.size(),
                median(samples, s -> s.rssKb() / 1024.0), median(samples, s -> s.heapUsedBytes() / MIB),
                median(samples, s -> s.heapCommittedBytes() / MIB), median(samples, s -> s.liveDataBytes() / MIB),
                median(samples, s -> s.nonHeapUsedBytes() / MIB), median(samples, Sample::threads),
                median(samples, Sample::jvmThreads), median(samples, Sample::fds), max(samples, Sample::hikariActive),
                median(samples, Sample::hikariIdle), max(samples, Sample::hikariPending), max(samples, Sample::hikariTotal),
                max(samples, Sample::hikariTimeouts), median(samples, Sample::sessions),
                median(samples, s -> s.opaRssKb() / 1024.0), median(samples, Sample::load1));
    }

    static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double[] values = samples.stream().mapToDouble(value).filter(v -> v >= 0).sorted().toArray();
        if (values.length == 0) {
            return -1;
        }
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    static double max(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return Arrays.stream(samples.stream().mapToDouble(value).toArray()).max().orElse(-1);
    }
}
