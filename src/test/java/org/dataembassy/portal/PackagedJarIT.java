package org.dataembassy.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dataembassy.portal.support.FormLogin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `make run` starts: the packaged jar, as its own process in an empty folder. Proves the jar carries the
 * frontend, the process models and the policy bundle and that the supervised OPA activates that bundle.
 */
class PackagedJarIT {

    @TempDir
    Path workDir;
    Process portal;

    @AfterEach
    void stop() throws InterruptedException {
        if (portal != null) {
            portal.destroy();
            portal.waitFor();
        }
    }

    @Test
    void thePackagedJarStartsServesTheLoginAndActivatesThePolicyBundle() throws Exception {
        Path jar = Path.of(System.getProperty("portal.jar", "target/data-embassy-portal-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).exists();
        int port = freePort();
        portal = new ProcessBuilder("java", "-jar", jar.toString(), "--server.port=" + port)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("portal.log").toFile())
                .start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        boolean up = false;
        while (!up && System.nanoTime() < deadline) {
            assertThat(portal.isAlive()).as("portal exited; log:%n%s", log()).isTrue();
            up = status(http, base + "/actuator/health") == 200;
            if (!up) {
                Thread.sleep(500);
            }
        }
        assertThat(up).as("healthy within 180 s; log:%n%s", log()).isTrue();

        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("<html");
        HttpResponse<Void> login = FormLogin.post(http, base, "aude", "embassy-demo");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        String health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(health).contains("\"opa\"", "foundation-1", "1.22.3", "\"status\":\"UP\"");
        assertThat(workDir.resolve("data/opa/bundle/.manifest")).exists();
        assertThat(log()).contains("DEMO ACCOUNTS ARE ENABLED").doesNotContain("embassy-demo");
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String log() throws IOException {
        Path log = workDir.resolve("portal.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
