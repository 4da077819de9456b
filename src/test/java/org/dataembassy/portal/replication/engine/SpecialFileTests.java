package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecialFileTests {
    @TempDir
    Path tmp;

    @Test
    void recordsSymlinksAsLinksWithoutFollowingThem() throws Exception {
        // given: a link pointing outside the tree, to a large file that must not be read
        Path outside = TestTrees.write(tmp.resolve("outside"), "big.bin", TestTrees.random(3, 300_000));
        Path src = tmp.resolve("src");
        Files.createDirectories(src);
        Files.createSymbolicLink(src.resolve("escape"), outside);
        Files.createSymbolicLink(src.resolve("dangling"), Path.of("nowhere"));
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        try (var engine = f.open()) {
            // when
            ReplicateResult r = engine.replicate(new ReplicateRequest("ds", src, "l"), p -> { });
            engine.restore(new RestoreRequest("ds", "a", "latest", tmp.resolve("out")), p -> { });
            // then
            assertThat(r.bytesScanned()).isZero();
            assertThat(Files.readSymbolicLink(tmp.resolve("out/escape"))).isEqualTo(outside);
            assertThat(Files.readSymbolicLink(tmp.resolve("out/dangling"))).isEqualTo(Path.of("nowhere"));
        }
    }

    @Test
    void skipsFifosWithAWarning() throws Exception {
        // given
        Path src = tmp.resolve("src");
        TestTrees.write(src, "file.txt", "x".getBytes());
        Process mkfifo = new ProcessBuilder("mkfifo", src.resolve("pipe").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        try (var engine = f.open()) {
            // when
            ReplicateResult r = engine.replicate(new ReplicateRequest("ds", src, "fifo"), p -> { });
            engine.restore(new RestoreRequest("ds", "a", "latest", tmp.resolve("out")), p -> { });
            // then
            assertThat(r.warnings()).containsExactly("skipped special file: pipe");
            assertThat(Files.exists(tmp.resolve("out/pipe"))).isFalse();
            assertThat(Files.readString(tmp.resolve("out/file.txt"))).isEqualTo("x");
        }
    }
}
