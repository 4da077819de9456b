package org.dataembassy.portal.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Samples the portal's resources (see {@link Sample}); the metrics are read signed in as the admin. */
final class ResourceSampler implements Runnable {

    private final PortalProcess portal;
    private final ApiClient admin;
    private final Recorder recorder;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();

    ResourceSampler(PortalProcess portal, ApiClient admin, Recorder recorder) {
        this.portal = portal;
        this.admin = admin;
        this.recorder = recorder;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void run() {
        try {
            samples.add(sample());
        } catch (RuntimeException e) {
            System.err.println("[soak] sampling failed: " + e);
        }
    }

    Sample sample() {
        long pid = portal.pid();
        long opa = portal.opaPid().map(p -> status(p, "VmRSS")).orElse(-1L);
        return new Sample(recorder.nowMillis(), status(pid, "VmRSS"), (int) status(pid, "Threads"), fds(pid), opa, load1(),
                metric("hikaricp.connections.active"), metric("hikaricp.connections.idle"),
                metric("hikaricp.connections.pending"), metric("hikaricp.connections"),
                metric("hikaricp.connections.timeout"),
                metric("jvm.memory.used?tag=area:heap"), metric("jvm.memory.committed?tag=area:heap"),
                metric("jvm.gc.live.data.size"), metric("jvm.memory.used?tag=area:nonheap"), metric("jvm.threads.live"),
                metric("tomcat.sessions.active.current"), metric("http.server.requests"),
                metric("http.server.requests?tag=outcome:SERVER_ERROR"), metric("logback.events?tag=level:error"));
    }

    /** The metric's first measurement (VALUE or COUNT); 0 for a tag value nothing has carried yet (404). */
    private double metric(String name) {
        return admin.get("sample:metrics", "/actuator/metrics/" + name, Set.of(200, 404)).map(reply -> {
            if (reply.status() == 404) {
                return 0.0;
            }
            JsonNode first = reply.json().path("measurements").path(0).path("value");
            return first.isNumber() ? first.asDouble() : -1.0;
        }).orElse(-1.0);
    }

    /** A field of /proc/&lt;pid&gt;/status (kB for memory), -1 when the process is gone. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static int fds(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
