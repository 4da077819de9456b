package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.replication.PruneResult;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.RetentionPolicy;
import org.dataembassy.portal.replication.SiteUnavailableException;
import org.dataembassy.portal.replication.SnapshotInfo;
import org.dataembassy.portal.replication.TestTrees;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.site.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTests {
    @TempDir
    Path tmp;

    @Test
    void keepsTheLastSnapshotsAndDeletesOnlyUnreferencedPacks() {
        // given: three snapshots of entirely different content
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        List<String> ids = new ArrayList<>();
        try (var engine = f.open()) {
            for (int i = 0; i < 3; i++) {
                Path src = tmp.resolve("src" + i);
                TestTrees.write(src, "f.bin", TestTrees.random(100 + i, 60_000));
                ids.add(engine.replicate(new ReplicateRequest("ds", src, "s" + i), p -> { }).snapshotId());
            }
            int packsBefore = f.a.list(ObjectNames.packsPrefix("ds")).size();
            // when
            PruneResult r = engine.prune("ds", new RetentionPolicy(2, null));
            // then
            assertThat(r.forgotten()).containsExactly(ids.get(0));
            assertThat(engine.snapshots("ds", "a")).extracting(SnapshotInfo::id).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
            assertThat(f.a.list(ObjectNames.packsPrefix("ds")).size()).isLessThan(packsBefore);
            assertThat(f.a.list(ObjectNames.indexPrefix("ds"))).hasSize(1);
            assertThat(engine.scrub("ds").clean()).isTrue();
            engine.restore(new RestoreRequest("ds", "b", ids.get(1), tmp.resolve("r1")), p -> { });
            assertThat(TestTrees.describe(tmp.resolve("r1"))).isEqualTo(TestTrees.describe(tmp.resolve("src1")));
        }
    }

    @Test
    void keepsEverythingCreatedWithinTheDuration() {
        // given
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        try (var engine = f.open()) {
            for (int i = 0; i < 3; i++) {
                Path src = tmp.resolve("src" + i);
                TestTrees.write(src, "f.bin", TestTrees.random(i, 5_000));
                engine.replicate(new ReplicateRequest("ds", src, "s" + i), p -> { });
            }
            // when
            PruneResult r = engine.prune("ds", new RetentionPolicy(1, Duration.ofDays(1)));
            // then
            assertThat(r.forgotten()).isEmpty();
            assertThat(engine.snapshots("ds", "a")).hasSize(3);
        }
    }

    @Test
    void refusesToPruneWhileASiteIsUnreachable() {
        // given
        EngineFixture f = new EngineFixture(tmp.resolve("state"), "ds");
        Path src = tmp.resolve("src");
        TestTrees.write(src, "f.bin", TestTrees.random(1, 5_000));
        try (var engine = f.open()) {
            engine.replicate(new ReplicateRequest("ds", src, "s"), p -> { });
        }
        f.sites.put("b", new UnreachableSite("b"));
        try (var engine = f.open()) {
            // when / then
            assertThatThrownBy(() -> engine.prune("ds", new RetentionPolicy(1, null))).isInstanceOf(SiteUnavailableException.class);
            assertThat(f.a.list(ObjectNames.snapshotsPrefix("ds"))).hasSize(1);
        }
    }

    /** A site that is always down. */
    record UnreachableSite(String name) implements SiteStore {
        private SiteUnavailableException down() {
            return new SiteUnavailableException(name + ": connection refused");
        }

        public void put(String n, byte[] c) {
            throw down();
        }

        public byte[] get(String n) {
            throw down();
        }

        public byte[] get(String n, long o, int l) {
            throw down();
        }

        public List<String> list(String p) {
            throw down();
        }

        public boolean exists(String n) {
            throw down();
        }

        public long size(String n) {
            throw down();
        }

        public void delete(String n) {
            throw down();
        }
    }
}
