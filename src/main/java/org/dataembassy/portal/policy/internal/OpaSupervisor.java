package org.dataembassy.portal.policy.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Starts an OPA server on a free loopback port, waits until it is healthy and has activated its policy
 * bundle ({@code /health?bundles}), restarts it if it dies (with backoff) and stops it when the portal
 * stops. The port is kept across restarts so clients need not be rebuilt.
 *
 * <p>OPA pulls the signed bundle from the portal itself ({@link PolicyBundles#PATH}), so it starts right
 * after the web server (and stops just before it). Until the bundle is active, decisions are denies
 * ("policy engine unavailable"); start-up fails if no verified bundle is active within the start-up
 * timeout.
 */
public final class OpaSupervisor implements OpaEndpoint, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpaSupervisor.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Path binary;
    private final Supplier<List<String>> launchArguments;
    private final String bundleSource;
    private final Path logFile;
    private final Duration startupTimeout;
    private final OpaProbe probe;
    private final AtomicInteger restarts = new AtomicInteger();

    private volatile Process process;
    private volatile boolean running;
    private volatile int port;
    private volatile String version = "unknown";
    private Thread watchdog;

    /**
     * @param launchArguments arguments after {@code opa run --server --addr …}, computed at every launch
     *                        (e.g. {@code --config-file <file>} written once the portal's port is known)
     * @param bundleSource    where the bundle comes from, for the log
     */
    public OpaSupervisor(Path binary, Supplier<List<String>> launchArguments, String bundleSource, Path logFile,
                         Duration startupTimeout, OpaProbe probe) {
        this.binary = binary;
        this.launchArguments = launchArguments;
        this.bundleSource = bundleSource;
        this.logFile = logFile;
        this.startupTimeout = startupTimeout;
        this.probe = probe;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("OPA binary not found or not executable at " + binary
                    + ": run 'make tools' (installs OPA into ~/.cache/data-embassy/bin) or set OPA_BINARY");
        }
        version = readVersion();
        port = freeLoopbackPort();
        launch();
        running = true;
        watchdog = new Thread(this::watch, "opa-supervisor");
        watchdog.setDaemon(true);
        watchdog.start();
        log.info("OPA {} supervised at {} with the signed bundle from {}", version, baseUrl(), bundleSource);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (watchdog != null) {
            watchdog.interrupt();
        }
        Process p = process;
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Just after the web server (which serves OPA its bundle), just before it on the way down. The
        // Camunda job executor starts on ApplicationReadyEvent, i.e. after this.
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024 + 1;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String mode() {
        return "supervised";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public int restarts() {
        return restarts.get();
    }

    /** The OS process id of the current OPA, for operators and fault-injection tests. */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    private void launch() {
        try {
            Files.createDirectories(logFile.getParent());
            List<String> args = new ArrayList<>(List.of("run", "--server",
                    "--addr", "127.0.0.1:" + port, "--disable-telemetry", "--log-level", "error"));
            args.addAll(launchArguments.get());
            // An empty environment: opa.runtime().env shows nothing, even if a bundle could call it (the portal
            // signs no bundle that does: PolicyBundles checks every one with the sandbox capabilities).
            ProcessBuilder builder = OpaProcess.builder(binary, args, logFile.getParent())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start OPA", e);
        }
        awaitHealthy();
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("OPA exited with " + process.exitValue() + " during start-up; see " + logFile);
            }
            if (probe.bundlesActive(baseUrl())) {
                return;
            }
            sleep(Duration.ofMillis(50));
        }
        boolean healthy = probe.healthy(baseUrl());
        process.destroyForcibly();
        throw new IllegalStateException(healthy
                ? "OPA did not activate a verified policy bundle within " + startupTimeout + "; see " + logFile
                : "OPA did not become healthy within " + startupTimeout + "; see " + logFile);
    }

    private void watch() {
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            Process p = process;
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                return;
            }
            log.warn("OPA exited with {}; restarting in {} ms", p.exitValue(), backoff.toMillis());
            sleep(backoff);
            try {
                synchronized (this) {
                    if (running) {
                        launch();
                        restarts.incrementAndGet();
                        log.info("OPA restarted at {}", baseUrl());
                        backoff = Duration.ofMillis(250);
                    }
                }
            } catch (RuntimeException e) {
                log.error("OPA restart failed: {}", e.getMessage());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private String readVersion() {
        try {
            Files.createDirectories(logFile.getParent());
            Process p = OpaProcess.builder(binary, List.of("version"), logFile.getParent()).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().filter(l -> l.startsWith("Version:")).map(l -> l.substring(8).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for OPA", e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path resolveBinary(String configured) {
        Path path = Path.of(configured.replaceFirst("^~", System.getProperty("user.home")));
        if (path.isAbsolute() || configured.contains(File.separator)) {
            return path.toAbsolutePath();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, configured);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return path.toAbsolutePath();
    }
}
