package org.dataembassy.portal.faults;

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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as its own process (as {@code make run} starts it) on one fixed data folder, so that it can be
 * killed and started again on the same H2 file database, policy state and folder sites. Each start logs to its
 * own {@code portal-<n>.log}. Loopback only.
 */
final class JarPortal {

    private final Path jar;
    private final Path dataDir;
    private final Path out;
    private final List<String> arguments;
    private Process process;
    private int port;
    private Path log;
    private int starts;
    private long orphansAfterTerminate;

    JarPortal(Path jar, Path dataDir, Path out, List<String> arguments) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.out = out;
        this.arguments = arguments;
    }

    /** Starts the jar and waits until /actuator/health answers 200 (database migrated, OPA bundle active). */
    void start(Duration healthyWithin) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no jar at " + jar + ": run 'mvn package' first");
        }
        Files.createDirectories(dataDir);
        port = freePort();
        starts++;
        log = out.resolve("portal-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DATAEMBASSY_DATA_DIR", dataDir.toString());
        process = builder.start();
        awaitHealthy(healthyWithin);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Path log() {
        return log;
    }

    String logText() throws IOException {
        return log == null || !Files.exists(log) ? "" : Files.readString(log);
    }

    /** SIGKILL to the java process (what {@link Process#destroyForcibly()} sends on Linux); waits for it to be gone. */
    void kill() throws Exception {
        long pid = process.pid();
        List<ProcessHandle> children = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children).toList();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pid " + pid + " survived SIGKILL for 30 s");
        }
        // The supervised OPA is the portal's child: with the portal gone it is an orphan that the next start's own
        // OPA does not need. A real host's service manager kills the whole control group; so does this.
        for (ProcessHandle child : children) {
            child.destroyForcibly();
            child.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM (graceful shutdown); the seconds until the process had exited, or -1 if it had not within {@code limit}. */
    double terminate(Duration limit) throws InterruptedException {
        List<ProcessHandle> children = process.children().toList();
        long start = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long grace = System.nanoTime() + TimeUnit.SECONDS.toNanos(2); // a child told to stop may still be exiting
        while (System.nanoTime() < grace && children.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(50);
        }
        orphansAfterTerminate = children.stream().filter(ProcessHandle::isAlive).count();
        children.forEach(ProcessHandle::destroyForcibly);
        return exited ? seconds : -1;
    }

    /** Children (the supervised OPA) still running when the last {@link #terminate} returned. */
    long orphansAfterTerminate() {
        return orphansAfterTerminate;
    }

    /** Whatever still runs of the last start (after a failed test): killed with its children. */
    void destroy() {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = process.children().toList();
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
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
            Thread.sleep(500);
        }
        throw new IllegalStateException("the portal was not healthy within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
