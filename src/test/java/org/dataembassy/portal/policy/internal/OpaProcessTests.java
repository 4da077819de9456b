package org.dataembassy.portal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How every OPA process of the portal starts (commands and the supervised server alike). */
class OpaProcessTests {

    @TempDir
    Path dir;

    @Test
    void theChildSeesAnEmptyEnvironment() {
        assertThat(System.getenv()).as("the test's own environment is not empty").containsKey("PATH");
        OpaProcess.Result env = OpaProcess.run(Path.of("/usr/bin/env"), List.of(), dir, null, Duration.ofSeconds(10));
        assertThat(env.exit()).isZero();
        assertThat(env.stdout()).isEmpty();
        assertThat(OpaProcess.builder(Path.of("/usr/bin/env"), List.of(), dir).environment()).isEmpty();
    }

    @Test
    void theChildRunsInTheFolderItIsGiven() throws Exception {
        OpaProcess.Result pwd = OpaProcess.run(Path.of("/bin/pwd"), List.of(), dir, null, Duration.ofSeconds(10));
        assertThat(Path.of(pwd.stdout().strip())).isEqualTo(dir.toRealPath());
        assertThat(OpaProcess.builder(Path.of("/bin/pwd"), List.of("-P"), dir).command())
                .containsExactly("/bin/pwd", "-P");
    }

    @Test
    void aChildThatDoesNotEndInTimeIsKilled() {
        long start = System.nanoTime();
        Assertions.assertThatThrownBy(() -> OpaProcess.run(Path.of("/bin/sleep"), List.of("30"), dir,
                null, Duration.ofMillis(300))).hasMessageContaining("took longer than");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
