package org.dataembassy.portal.replication.site;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real S3-compatible server (S3Proxy, filesystem backend) on loopback, started as a
 * subprocess through scripts/s3-test-server.sh, which installs it on first use. Data survives
 * stop/start, so tests can simulate an outage.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "local-identity";
    public static final String SECRET_KEY = "local-credential";
    private final Path dataDir;
    private final int port;
    private Process process;

    public S3TestServer(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public S3SiteConfig config(String bucket, int attempts, Duration timeout) {
        return new S3SiteConfig(endpoint(), "us-east-1", bucket, "", ACCESS_KEY, SECRET_KEY, true, attempts, timeout);
    }

    public S3TestServer start() throws IOException, InterruptedException {
        Path script = Path.of("scripts/s3-test-server.sh").toAbsolutePath();
        process = new ProcessBuilder("bash", script.toString(), "start", String.valueOf(port), dataDir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3 test server exited: " + Files.readString(dataDir.resolve("server.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode();
                return this;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("S3 test server did not start on port " + port);
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException ignored) {
            // best effort
        }
    }

    public static S3TestServer startIn(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        return new S3TestServer(dir).start();
    }
}
