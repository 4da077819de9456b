package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.ObjectProblem;
import org.dataembassy.portal.replication.RepairReport;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.TestTrees;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultTests {
    @TempDir
    Path tmp;
    EngineFixture f;
    Path src;
    ReplicateResult first;

    @BeforeEach
    void replicateATree() {
        f = new EngineFixture(tmp.resolve("state"), "ds");
        src = tmp.resolve("src");
        TestTrees.write(src, "x.bin", TestTrees.random(7, 120_000));
        TestTrees.write(src, "y.txt", "line\n".repeat(20_000).getBytes());
        try (var engine = f.open()) {
            first = engine.replicate(new ReplicateRequest("ds", src, "t"), p -> { });
        }
    }

    @Test
    void detectsRestoreFailureAndRepairsATruncatedAndADeletedPack() {
        // given
        List<String> packs = f.a.list(ObjectNames.packsPrefix("ds"));
        assertThat(packs.size()).isGreaterThanOrEqualTo(2);
        String truncated = packs.get(0);
        String deleted = packs.get(1);
        byte[] original = f.a.get(truncated);
        f.a.tamper(truncated, Arrays.copyOf(original, original.length / 2));
        f.a.delete(deleted);
        try (var engine = f.open()) {
            // when
            ScrubReport report = engine.scrub("ds");
            // then
            assertThat(report.site("a").damaged()).extracting(ObjectProblem::object).containsExactly(truncated);
            assertThat(report.site("a").missing()).containsExactly(deleted);
            assertThat(report.site("b").clean()).isTrue();
            assertThatThrownBy(() -> engine.restore(new RestoreRequest("ds", "a", "latest", tmp.resolve("bad")), p -> { }))
                    .isInstanceOfSatisfying(IntegrityException.class,
                            e -> assertThat(e.objects()).containsExactlyInAnyOrder(truncated, deleted));
            // when
            RepairReport repair = engine.repair("ds");
            // then
            assertThat(repair.unrepaired()).isEmpty();
            assertThat(repair.repaired()).hasSize(2);
            assertThat(engine.scrub("ds").clean()).isTrue();
            engine.restore(new RestoreRequest("ds", "a", "latest", tmp.resolve("good")), p -> { });
            assertThat(TestTrees.describe(tmp.resolve("good"))).isEqualTo(TestTrees.describe(src));
        }
    }

    @Test
    void namesAPackThatIsShorterThanTheSiteSaidAsDamaged() {
        // given: site a cut a pack in half but still answers size queries with the old size
        // (a lying server, or a pack replaced between restore's size check and its reads)
        String pack = f.a.list(ObjectNames.packsPrefix("ds")).get(0);
        byte[] original = f.a.get(pack);
        f.a.tamper(pack, Arrays.copyOf(original, original.length / 2));
        ReadRecorder lying = new ReadRecorder(f.a);
        lying.claimSize(pack, original.length);
        f.sites.put("a", lying);
        try (var engine = f.open()) {
            // when / then: an integrity failure naming the pack, as for a pack found short before reading
            assertThatThrownBy(() -> engine.restore(new RestoreRequest("ds", "a", "latest", tmp.resolve("out")), p -> { }))
                    .isInstanceOfSatisfying(IntegrityException.class, e -> assertThat(e.objects()).containsExactly(pack));
        }
    }

    @Test
    void reportsABitFlipInsideAPackAsDamaged() {
        // given
        String pack = f.b.list(ObjectNames.packsPrefix("ds")).get(0);
        byte[] bytes = f.b.get(pack);
        bytes[bytes.length / 3] ^= 0x10;
        f.b.tamper(pack, bytes);
        try (var engine = f.open()) {
            // when
            ScrubReport report = engine.scrub("ds");
            // then
            assertThat(report.site("b").damaged()).extracting(ObjectProblem::object).containsExactly(pack);
            assertThat(report.site("a").clean()).isTrue();
        }
    }

    @Test
    void catchesUpASiteThatMissedObjectsOnTheNextRun() {
        // given
        for (String name : f.b.list("datasets/ds/")) {
            if (!name.contains("/keys/")) {
                f.b.delete(name);
            }
        }
        try (var engine = f.open()) {
            // when
            ReplicateResult again = engine.replicate(new ReplicateRequest("ds", src, "again"), p -> { });
            // then
            assertThat(again.newChunks()).isZero();
            assertThat(again.sites().get(1).objectsCaughtUp()).isPositive();
            assertThat(engine.scrub("ds").clean()).isTrue();
            assertThat(engine.snapshots("ds", "b")).hasSize(2);
        }
    }

    @Test
    void resendsChunksWhosePackWasLostAtEverySite() {
        // given
        String lost = f.a.list(ObjectNames.packsPrefix("ds")).get(0);
        f.a.delete(lost);
        f.b.delete(lost);
        try (var engine = f.open()) {
            // when
            ReplicateResult again = engine.replicate(new ReplicateRequest("ds", src, "again"), p -> { });
            // then
            assertThat(again.complete()).isTrue();
            assertThat(again.newChunks()).isPositive();
            engine.restore(new RestoreRequest("ds", "a", again.snapshotId(), tmp.resolve("fresh")), p -> { });
            assertThat(TestTrees.describe(tmp.resolve("fresh"))).isEqualTo(TestTrees.describe(src));
            assertThat(engine.repair("ds").unrepaired()).contains("a:" + lost, "b:" + lost);
        }
    }

    @Test
    void ignoresAndRemovesForeignObjectsLeftByAnInterruptedUpload() {
        // given: a server left a partial upload visible under a non-format name
        String leftover = ObjectNames.packsPrefix("ds") + "0".repeat(64) + "-partial";
        f.b.put(leftover, new byte[] {1, 2, 3});
        try (var engine = f.open()) {
            // when
            ScrubReport report = engine.scrub("ds");
            ReplicateResult again = engine.replicate(new ReplicateRequest("ds", src, "again"), p -> { });
            RepairReport repair = engine.repair("ds");
            // then
            assertThat(report.site("b").damaged()).extracting(ObjectProblem::object).containsExactly(leftover);
            assertThat(report.site("a").missing()).isEmpty();
            assertThat(again.complete()).isTrue();
            assertThat(f.a.exists(leftover)).isFalse();
            assertThat(repair.repaired()).containsExactly("b:" + leftover + " deleted (foreign object)");
            assertThat(engine.scrub("ds").clean()).isTrue();
        }
    }
}
