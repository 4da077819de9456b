package org.dataembassy.portal.replication.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.dataembassy.portal.replication.TestTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the CLI as a real subprocess and kills it with SIGKILL at several points of a replication. */
class CliCrashTests {
    @TempDir
    Path tmp;

    private int cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = new ReplicationCli(new PrintStream(out), new PrintStream(out)).run(args);
        lastOutput = out.toString();
        return rc;
    }

    private String lastOutput;

    private Process start(String... args) throws IOException {
        String deps = Files.readString(Path.of(System.getProperty("runtime.classpath.file", "target/runtime-classpath.txt"))).trim();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of("target/classes").toAbsolutePath() + File.pathSeparator + deps,
                ReplicationCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    private static long count(Path dir, String kind) throws IOException {
        Path d = dir.resolve("datasets/ds/" + kind);
        if (!Files.isDirectory(d)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void completesCleanlyAfterBeingKilledAtSeveralPoints() throws Exception {
        // given
        Path state = tmp.resolve("state");
        Path siteA = tmp.resolve("siteA");
        Path siteB = tmp.resolve("siteB");
        Path src = tmp.resolve("src");
        for (int i = 0; i < 4; i++) {
            TestTrees.write(src, "dir/file" + i + ".bin", TestTrees.random(i, 1_500_000));
        }
        assertThat(cli("--state", state.toString(), "init", "--site", "a=folder:" + siteA, "--site", "b=folder:" + siteB)).isZero();
        assertThat(cli("--state", state.toString(), "dataset", "create", "ds", "--min", "16384", "--avg", "65536",
                "--max", "262144", "--pack-size", "262144")).isZero();
        String[] replicate = {"--state", state.toString(), "replicate", "ds", src.toString(), "--throttle-ms", "60"};
        List<Predicate<Path>> killPoints = List.of(
                site -> uncheckedCount(site, "packs") >= 1,
                site -> uncheckedCount(site, "index") >= 1,
                site -> uncheckedCount(site, "packs") >= 14);
        int killed = 0;
        // when
        for (Predicate<Path> point : killPoints) {
            Process p = start(replicate);
            while (p.isAlive() && !point.test(siteA)) {
                Thread.sleep(5);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
                killed++;
            }
            p.waitFor();
        }
        Process last = start(replicate);
        int rc = last.waitFor();
        // then
        assertThat(killed).isGreaterThanOrEqualTo(2);
        assertThat(rc).as(Files.readString(tmp.resolve("child.log"))).isZero();
        assertThat(cli("--state", state.toString(), "scrub", "ds")).as(lastOutput).isZero();
        assertThat(lastOutput).contains("site a clean").contains("site b clean");
        assertThat(count(siteA, "snapshots")).isEqualTo(1);
        assertThat(cli("--state", state.toString(), "restore", "ds", "--site", "a", "--target", tmp.resolve("out").toString())).isZero();
        assertThat(TestTrees.describe(tmp.resolve("out"))).isEqualTo(TestTrees.describe(src));
        assertThat(cli("--state", state.toString(), "prune", "ds", "--keep-last", "1")).as(lastOutput).isZero();
        assertThat(cli("--state", state.toString(), "scrub", "ds")).as(lastOutput).isZero();
    }

    private static long uncheckedCount(Path site, String kind) {
        try {
            return count(site, kind);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void exitsNonZeroWithUsageOnBadInvocation() {
        assertThat(cli("--state", tmp.toString(), "frobnicate")).isEqualTo(2);
        assertThat(lastOutput).contains("usage:");
        assertThat(cli("--state", tmp.resolve("none").toString(), "status", "ds")).isEqualTo(1);
        assertThat(lastOutput).contains("error:");
    }

    @Test
    void unsealsTheKekFromSharesAndRejectsTooFew() throws Exception {
        // given
        Path state = tmp.resolve("state");
        assertThat(cli("--state", state.toString(), "init", "--site", "a=folder:" + tmp.resolve("a"))).isZero();
        assertThat(cli("--state", state.toString(), "key", "split", "--m", "2", "--n", "3", "--out", tmp.resolve("shares").toString())).isZero();
        // when
        int few = cli("--state", state.toString(), "--share", tmp.resolve("shares/share-2.txt").toString(),
                "key", "unseal", "--out", tmp.resolve("k1").toString());
        String fewOutput = lastOutput;
        int dup = cli("--state", state.toString(), "--share", tmp.resolve("shares/share-2.txt").toString(),
                "--share", tmp.resolve("shares/share-2.txt").toString(), "key", "unseal", "--out", tmp.resolve("k2").toString());
        int ok = cli("--state", state.toString(), "--share", tmp.resolve("shares/share-3.txt").toString(),
                "--share", tmp.resolve("shares/share-1.txt").toString(), "key", "unseal", "--out", tmp.resolve("k3").toString());
        // then
        assertThat(few).isEqualTo(1);
        assertThat(fewOutput).contains("InsufficientSharesException");
        assertThat(dup).isEqualTo(1);
        assertThat(Files.exists(tmp.resolve("k1"))).isFalse();
        assertThat(ok).isZero();
        assertThat(Files.readString(tmp.resolve("k3"))).isEqualTo(Files.readString(state.resolve("kek.secret")));
    }
}
