package org.dataembassy.portal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The real OPA binary for unit tests: {@code OPA_BINARY}, else the one {@code make tools} installs. */
final class TestOpa {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TestOpa() {
    }

    static Path binary() {
        String configured = System.getenv().getOrDefault("OPA_BINARY",
                System.getProperty("user.home") + "/.cache/data-embassy/bin/opa");
        Path binary = Path.of(configured);
        assertThat(Files.isExecutable(binary)).as("OPA at " + binary + " (run 'make tools' or set OPA_BINARY)").isTrue();
        return binary;
    }

    static OpaSandbox sandbox(Path dataDir) {
        return OpaSandbox.prepare(dataDir.resolve("opa/sandbox"), binary(), TIMEOUT, SandboxCapabilities.load());
    }

    static OpaCommands commands(OpaSandbox sandbox) {
        return new OpaCommands(binary(), TIMEOUT, sandbox);
    }
}
