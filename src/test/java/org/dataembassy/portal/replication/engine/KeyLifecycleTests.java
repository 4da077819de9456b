package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.KeyMaterialException;
import org.dataembassy.portal.replication.ObjectProblem;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.ShredEvidence;
import org.dataembassy.portal.replication.TestTrees;
import org.dataembassy.portal.replication.WrongKeyException;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.keys.Kek;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLifecycleTests {
    @TempDir
    Path tmp;

    private Path tree(String name, long seed) {
        Path src = tmp.resolve(name);
        TestTrees.write(src, "f.bin", TestTrees.random(seed, 50_000));
        return src;
    }

    @Test
    void refusesAWrongKekBeforeDecryptingAnything() {
        // given
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        // when / then
        assertThatThrownBy(() -> LocalReplicationEngine.open(f.stateDir, Kek.generate(), f.sites))
                .isInstanceOf(WrongKeyException.class);
    }

    @Test
    void refusesSiteKeyBundlesUnderAnotherKekForDisasterRecovery() {
        // given: sites written by state 1, a fresh state folder with another KEK
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        Path other = tmp.resolve("other");
        Kek otherKek = Kek.generate();
        LocalReplicationEngine.initState(other, otherKek);
        try (var engine = LocalReplicationEngine.open(other, otherKek, f.sites)) {
            // when / then
            assertThatThrownBy(() -> engine.snapshots("ds", "a")).isInstanceOf(WrongKeyException.class);
        }
    }

    /** Deletes the state folder's key copies: keys then come from the sites, as in a recovery from the KEK. */
    private static void forgetLocalKeys(EngineFixture f, String ds) throws IOException {
        try (var files = Files.list(f.stateDir.resolve("datasets").resolve(ds).resolve("keys"))) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void opensKeysFromAHealthySiteWhenTheFirstSiteDamagedItsKeyBundle() throws IOException {
        // given: no local key copies, and site a (asked first) holds a damaged bundle
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        Path src = tree("one", 1);
        try (var engine = f.open()) {
            engine.replicate(new ReplicateRequest("ds", src, "1"), p -> { });
        }
        forgetLocalKeys(f, "ds");
        String bundle = f.a.list(ObjectNames.keysPrefix("ds")).get(0);
        byte[] damaged = f.a.get(bundle);
        damaged[damaged.length - 1] ^= 1;
        f.a.tamper(bundle, damaged);
        try (var engine = f.open()) {
            // when
            engine.restore(new RestoreRequest("ds", "b", "latest", tmp.resolve("out")), p -> { });
            // then: site b's copy was used; site a's damage stays visible to scrub
            assertThat(TestTrees.describe(tmp.resolve("out"))).isEqualTo(TestTrees.describe(src));
            assertThat(engine.scrub("ds").site("a").damaged()).extracting(ObjectProblem::object).containsExactly(bundle);
        }
    }

    @Test
    void opensTheNewestKeyGenerationAnySiteHoldsAndNeverFallsBackToAnOlderOne() throws IOException {
        // given: generation 2 seals the newest snapshot; site a withholds it, no local key copies
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        Path two = tree("two", 2);
        String second;
        try (var engine = f.open()) {
            engine.replicate(new ReplicateRequest("ds", tree("one", 1), "1"), p -> { });
            engine.rotateDataKey("ds");
            // re-read: both trees have f.bin with the same size and, often, the same mtime
            second = engine.replicate(new ReplicateRequest("ds", two, "2", Duration.ZERO, true), p -> { }).snapshotId();
        }
        forgetLocalKeys(f, "ds");
        String newest = f.b.list(ObjectNames.keysPrefix("ds")).get(1);
        f.a.delete(newest);
        try (var engine = f.open()) {
            // when
            engine.restore(new RestoreRequest("ds", "b", second, tmp.resolve("out")), p -> { });
            // then: generation 2 came from site b, not generation 1 from site a
            assertThat(TestTrees.describe(tmp.resolve("out"))).isEqualTo(TestTrees.describe(two));
        }
        // when: the only copy of generation 2 is damaged
        byte[] damaged = f.b.get(newest);
        damaged[damaged.length - 1] ^= 1;
        f.b.tamper(newest, damaged);
        try (var engine = f.open()) {
            // then: refused, rather than continuing with generation 1 (a site could roll the data key back)
            assertThatThrownBy(() -> engine.snapshots("ds", "a"))
                    .isInstanceOfSatisfying(IntegrityException.class, e -> assertThat(e.objects()).containsExactly(newest));
        }
    }

    @Test
    void keepsOldDataReadableAfterDataKeyRotation() {
        // given
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        try (var engine = f.open()) {
            ReplicateResult before = engine.replicate(new ReplicateRequest("ds", tree("one", 1), "1"), p -> { });
            // when
            engine.rotateDataKey("ds");
            ReplicateResult after = engine.replicate(new ReplicateRequest("ds", tree("two", 2), "2"), p -> { });
            // then
            assertThat(f.a.list(ObjectNames.keysPrefix("ds"))).hasSize(2);
            engine.restore(new RestoreRequest("ds", "a", before.snapshotId(), tmp.resolve("r1")), p -> { });
            engine.restore(new RestoreRequest("ds", "b", after.snapshotId(), tmp.resolve("r2")), p -> { });
            assertThat(TestTrees.describe(tmp.resolve("r1"))).isEqualTo(TestTrees.describe(tmp.resolve("one")));
            assertThat(TestTrees.describe(tmp.resolve("r2"))).isEqualTo(TestTrees.describe(tmp.resolve("two")));
            assertThat(engine.scrub("ds").clean()).isTrue();
        }
    }

    @Test
    void rewrapsEverythingUnderANewKekAndRejectsTheOldOne() {
        // given
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        Kek next = Kek.generate();
        try (var engine = f.open()) {
            engine.replicate(new ReplicateRequest("ds", tree("one", 1), "1"), p -> { });
            // when
            engine.rotateKek(next);
        }
        // then
        assertThatThrownBy(() -> LocalReplicationEngine.open(f.stateDir, f.kek, f.sites)).isInstanceOf(WrongKeyException.class);
        assertThat(f.a.list(ObjectNames.keysPrefix("ds"))).singleElement()
                .satisfies(n -> assertThat(n).endsWith(next.fingerprintHex().substring(0, 16)));
        try (var engine = LocalReplicationEngine.open(f.stateDir, next, f.sites)) {
            engine.restore(new RestoreRequest("ds", "a", "latest", tmp.resolve("r")), p -> { });
            assertThat(TestTrees.describe(tmp.resolve("r"))).isEqualTo(TestTrees.describe(tmp.resolve("one")));
            assertThat(engine.replicate(new ReplicateRequest("ds", tree("two", 2), "2"), p -> { }).complete()).isTrue();
        }
    }

    @Test
    void makesAShreddedDatasetUnrestorableWhileOthersStillRestore() throws Exception {
        // given
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "doomed", "kept");
        try (var engine = f.open()) {
            engine.replicate(new ReplicateRequest("doomed", tree("d", 1), "d"), p -> { });
            engine.replicate(new ReplicateRequest("kept", tree("k", 2), "k"), p -> { });
            // when
            ShredEvidence evidence = engine.shred("doomed");
            // then
            assertThat(evidence.complete()).isTrue();
            assertThat(evidence.destroyed()).hasSize(3).allSatisfy(d -> assertThat(d).contains("sha256="));
            assertThat(Files.readString(evidence.file())).contains("complete").contains("site=a").contains("site=b");
            assertThat(f.a.list(ObjectNames.keysPrefix("doomed"))).isEmpty();
            assertThat(f.b.list(ObjectNames.keysPrefix("doomed"))).isEmpty();
            for (String site : new String[] {"a", "b"}) {
                assertThatThrownBy(() -> engine.restore(new RestoreRequest("doomed", site, "latest", tmp.resolve("x" + site)), p -> { }))
                        .isInstanceOf(KeyMaterialException.class);
            }
            engine.restore(new RestoreRequest("kept", "b", "latest", tmp.resolve("kr")), p -> { });
            assertThat(TestTrees.describe(tmp.resolve("kr"))).isEqualTo(TestTrees.describe(tmp.resolve("k")));
        }
        try (var fresh = LocalReplicationEngine.open(f.stateDir, f.kek, f.sites)) {
            assertThatThrownBy(() -> fresh.snapshots("doomed", "a")).isInstanceOf(KeyMaterialException.class);
        }
    }
}
