package org.dataembassy.portal.replication.engine;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.dataembassy.portal.replication.SiteOutcome;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Writes objects to one site in submission order on its own thread, so the write-ordering rules
 * (packs, then index, then manifest) hold per site. After the first failure every later write
 * to the site is skipped: nothing can then reference an object the site did not receive.
 */
final class SiteWriter {
    private final SiteStore site;
    private final Semaphore inFlight;
    private final Duration pacing;
    private final ExecutorService thread;
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile String error;
    private long caughtUp;

    SiteWriter(SiteStore site, Semaphore inFlight, Duration pacing) {
        this.site = site;
        this.inFlight = inFlight;
        this.pacing = pacing;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "replicate-" + site.name());
            t.setDaemon(true);
            return t;
        });
    }

    SiteStore site() {
        return site;
    }

    boolean failed() {
        return error != null;
    }

    void fail(String message) {
        if (error == null) {
            error = message;
        }
    }

    void caughtUp(long n) {
        caughtUp += n;
    }

    void put(String name, byte[] content, boolean paced) {
        inFlight.acquireUninterruptibly();
        thread.execute(() -> {
            try {
                if (error == null) {
                    site.put(name, content);
                    objects.incrementAndGet();
                    bytes.addAndGet(content.length);
                    if (paced && !pacing.isZero()) {
                        Thread.sleep(pacing.toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            } catch (RuntimeException e) {
                fail(e.getMessage());
            } finally {
                inFlight.release();
            }
        });
    }

    SiteOutcome finish() {
        thread.shutdown();
        try {
            while (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                // keep waiting: uploads carry their own timeouts and retries
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return new SiteOutcome(site.name(), error == null, objects.get(), bytes.get(), caughtUp, error);
    }
}
