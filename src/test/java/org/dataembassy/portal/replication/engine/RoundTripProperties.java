package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.TestTrees;

/** restore(replicate(tree)) == tree for random trees: empty and larger files, unicode names, dirs, symlinks. */
class RoundTripProperties {

    record FileSpec(String dir, String name, int size, long seed, boolean symlink) {
    }

    @Provide
    Arbitrary<List<FileSpec>> trees() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("ünïcødé", "日本語ファイル", "emoji-😀", "with space", "-dash", ".hidden"));
        Arbitrary<String> dirs = Arbitraries.of("", "a", "a/b", "ü/ß", "deep/er/still");
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(1, 5_000)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(5_000, 200_000)));
        Arbitrary<FileSpec> file = Combinators.combine(dirs, names, sizes, Arbitraries.longs(), Arbitraries.integers().between(0, 9))
                .as((d, n, s, seed, l) -> new FileSpec(d, n, s, seed, l == 0));
        return file.list().ofMinSize(0).ofMaxSize(12).uniqueElements(f -> (f.dir() + "/" + f.name()).toLowerCase());
    }

    /** True when some ancestor of {@code dir} below {@code root} exists but is not a real directory. */
    private static boolean blockedByNonDirectory(Path root, Path dir) {
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            if (Files.exists(d, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 15)
    void restoreOfReplicateIsTheSameTree(@ForAll("trees") List<FileSpec> files) throws IOException {
        Path tmp = Files.createTempDirectory("roundtrip");
        try {
            // given
            Path src = tmp.resolve("src");
            Files.createDirectories(src);
            for (FileSpec f : files) {
                Path p = src.resolve(f.dir().isEmpty() ? f.name() : f.dir() + "/" + f.name());
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || blockedByNonDirectory(src, p.getParent())) {
                    continue; // a generated name collides with an earlier file or (dangling) link
                }
                Files.createDirectories(p.getParent());
                if (f.symlink()) {
                    Files.createSymbolicLink(p, Path.of("target-" + f.name()));
                } else {
                    Files.write(p, TestTrees.random(f.seed(), f.size()));
                }
            }
            EngineFixture fx = new EngineFixture(tmp.resolve("state"), "ds");
            try (var engine = fx.open()) {
                // when
                ReplicateResult r = engine.replicate(new ReplicateRequest("ds", src, "p"), p -> { });
                engine.restore(new RestoreRequest("ds", "b", r.snapshotId(), tmp.resolve("out")), p -> { });
            }
            // then
            assertThat(TestTrees.describe(tmp.resolve("out"))).isEqualTo(TestTrees.describe(src));
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
