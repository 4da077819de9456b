package org.dataembassy.portal.soak;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What one soak run does, from system properties (scripts/soak.sh passes SOAK_* environment variables as
 * {@code -Dsoak.*}). Windows are 5 minutes, or 1 minute for runs shorter than 15 minutes (the quick check), so
 * that there are always several to compare; the first window is the warm-up.
 */
record SoakSettings(Duration duration, Duration window, int browsers, int apiThreads, double apiRatePerThread,
                    Duration publishEvery, Duration sampleEvery, Path out, Path jar, String javaOpts, Path docs,
                    int attachPort, long attachPid) {

    /**
     * The heap of {@code make run} (at most 1 GiB), committed and touched at start: resident memory then grows only
     * with what is not heap sizing (metaspace, code, threads, native buffers), and a heap leak shows as live data.
     */
    static final String DEFAULT_JAVA_OPTS = "-Xms1g -Xmx1g -XX:+AlwaysPreTouch";

    static SoakSettings fromSystemProperties() {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "30"));
        Duration duration = Duration.ofSeconds(Math.round(minutes * 60));
        Duration window = Duration.ofMinutes(Long.getLong("soak.window-minutes", minutes < 15 ? 1 : 5));
        String docs = System.getProperty("soak.docs", "docs/soak.md");
        return new SoakSettings(duration, window,
                Integer.getInteger("soak.browsers", 2),
                Integer.getInteger("soak.api-threads", 2),
                Double.parseDouble(System.getProperty("soak.api-rate", "4")),
                Duration.ofSeconds(Long.getLong("soak.publish-seconds", 60)),
                Duration.ofSeconds(Long.getLong("soak.sample-seconds", 10)),
                Path.of(System.getProperty("soak.out", "target/soak")).toAbsolutePath(),
                Path.of(System.getProperty("soak.jar", "target/data-embassy-portal-0.1.0-SNAPSHOT.jar")).toAbsolutePath(),
                System.getProperty("soak.java-opts", DEFAULT_JAVA_OPTS),
                docs.isBlank() ? null : Path.of(docs).toAbsolutePath(),
                Integer.getInteger("soak.attach-port", 0),
                Long.getLong("soak.attach-pid", 0));
    }

    /** The portal's fresh data folder (H2 database, policy bundle, sites, sources). */
    Path dataDir() {
        return out.resolve("data");
    }

    int windows() {
        return (int) Math.max(1, Math.ceil((double) duration.toMillis() / window.toMillis()));
    }

    /** Development only: drive a portal that is already running instead of starting the jar. */
    boolean attached() {
        return attachPort > 0;
    }
}
