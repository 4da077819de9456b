package org.dataembassy.portal.replication.engine;

import java.time.Duration;
import org.dataembassy.portal.replication.Progress;
import org.dataembassy.portal.replication.ProgressListener;

/** Turns byte counts into {@link Progress} reports with rate and ETA. */
final class ProgressMeter {
    private final String phase;
    private final long total;
    private final ProgressListener listener;
    private final long started = System.nanoTime();
    private long done;

    ProgressMeter(String phase, long total, ProgressListener listener) {
        this.phase = phase;
        this.total = total;
        this.listener = listener;
    }

    void advance(long bytes) {
        done += bytes;
        report();
    }

    void done() {
        done = Math.max(done, total);
        report();
    }

    private void report() {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = done / seconds;
        Duration eta = rate <= 0 ? null : Duration.ofMillis((long) (Math.max(0, total - done) / rate * 1000));
        try {
            listener.onProgress(new Progress(phase, done, total, rate, eta));
        } catch (RuntimeException ignored) {
            // a listener must not break replication
        }
    }
}
