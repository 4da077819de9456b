package org.dataembassy.portal.soak;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as its own process (as {@code make run} starts it, like {@code PackagedJarIT}) on the embedded
 * default, on loopback, with the soak's shortened intervals, the metrics endpoint and Hikari's leak detection.
 */
final class PortalProcess {

    /**
     * Shortened so the scheduled jobs fire within minutes: the replication schedule looks every 30 s for replicas
     * older than 2 min; the jurisdiction schedule every minute for agreements not reviewed for 5 min.
     */
    static final List<String> SOAK_ARGUMENTS = List.of(
            "--server.address=127.0.0.1",
            "--management.endpoints.web.exposure.include=health,info,metrics",
            "--spring.datasource.hikari.leak-detection-threshold=10000",
            "--dataembassy.transfers.schedule-check=PT30S",
            "--dataembassy.transfers.replication-interval=PT2M",
            "--dataembassy.jurisdiction.schedule-check=PT1M",
            "--dataembassy.jurisdiction.review-interval=PT5M",
            // the two API clients ask 4 decisions a second each, over the per-person what-if limit (60 a minute);
            // the limit itself is tested by the API tests, the soak wants the load
            "--dataembassy.agreements.what-if.per-minute=1200",
            "--dataembassy.agreements.what-if.burst=100");

    private final Process process;
    private final long pid;
    private final int port;
    private final Path log;

    private PortalProcess(Process process, long pid, int port, Path log) {
        this.process = process;
        this.pid = pid;
        this.port = port;
        this.log = log;
    }

    static PortalProcess start(SoakSettings settings) throws IOException {
        if (!Files.exists(settings.jar())) {
            throw new IllegalStateException("no jar at " + settings.jar() + ": run 'make build'");
        }
        Files.createDirectories(settings.dataDir());
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(settings.javaOpts().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        command.addAll(List.of("-jar", settings.jar().toString(), "--server.port=" + port));
        command.addAll(SOAK_ARGUMENTS);
        Path log = settings.out().resolve("portal.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.out().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATAEMBASSY_DATA_DIR", settings.dataDir().toString());
        Process process = builder.start();
        System.err.println("[soak] started the portal (pid " + process.pid() + ") on 127.0.0.1:" + port + ": "
                + String.join(" ", command));
        return new PortalProcess(process, process.pid(), port, log);
    }

    static PortalProcess attach(SoakSettings settings) {
        return new PortalProcess(null, settings.attachPid(), settings.attachPort(), settings.out().resolve("portal.log"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return pid;
    }

    Path log() {
        return log;
    }

    /** The supervised OPA: the portal's child process running {@code opa run}. */
    Optional<Long> opaPid() {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children)
                .filter(p -> p.info().command().map(c -> c.endsWith("opa")).orElse(false))
                .map(ProcessHandle::pid).findFirst();
    }

    void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the portal exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the portal was not healthy within " + timeout + "; see " + log);
    }

    /** Stops the portal as a service manager would (SIGTERM: graceful shutdown, OPA stopped with it). */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            System.err.println("[soak] the portal did not stop within 60 s; killing it");
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
