package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dataembassy.portal.replication.DatasetSettings;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.SiteOutcome;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.replication.TestTrees;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.site.FolderSiteStore;
import org.dataembassy.portal.replication.site.S3SiteStore;
import org.dataembassy.portal.replication.site.S3TestServer;
import org.dataembassy.portal.replication.site.SiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An S3 site going down in the middle of a replication, then coming back. */
class S3OutageIT {
    @TempDir
    Path tmp;

    @Test
    void otherSitesCompleteWhileS3IsDownAndS3CatchesUpWhenBack() throws Exception {
        // given
        S3TestServer server = S3TestServer.startIn(tmp.resolve("s3"));
        try {
            S3SiteStore s3 = new S3SiteStore("s3", server.config("embassy", 3, Duration.ofSeconds(2)));
            s3.ensureBucket();
            Map<String, SiteStore> sites = new LinkedHashMap<>();
            sites.put("local", new FolderSiteStore("local", tmp.resolve("local")));
            sites.put("s3", s3);
            Kek kek = Kek.generate();
            LocalReplicationEngine.initState(tmp.resolve("state"), kek);
            Path src = tmp.resolve("src");
            for (int i = 0; i < 6; i++) {
                TestTrees.write(src, "f" + i + ".bin", TestTrees.random(i, 200_000));
            }
            AtomicBoolean stopped = new AtomicBoolean();
            try (var engine = LocalReplicationEngine.open(tmp.resolve("state"), kek, sites)) {
                engine.createDataset(new DatasetSettings("ds", 1024, 4096, 16384, 64 * 1024, 3));
                // when: the server dies once a third of the data has been read
                ReplicateResult r = engine.replicate(new ReplicateRequest("ds", src, "outage", Duration.ofMillis(20)), p -> {
                    if (p.bytesDone() > p.bytesTotal() / 3 && stopped.compareAndSet(false, true)) {
                        try {
                            server.stop();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                // then
                SiteOutcome local = r.sites().get(0);
                SiteOutcome remote = r.sites().get(1);
                assertThat(local.complete()).isTrue();
                assertThat(remote.complete()).isFalse();
                assertThat(remote.error()).contains("s3:").contains("attempts");
                SiteStatus lag = engine.status("ds").get(1);
                assertThat(lag.reachable()).isFalse();
                assertThat(lag.snapshotsBehind()).isEqualTo(1);
                assertThat(engine.status("ds").get(0).snapshotsBehind()).isZero();
            }
            // when: the server is back
            server.start();
            try (var engine = LocalReplicationEngine.open(tmp.resolve("state"), kek, sites)) {
                ReplicateResult again = engine.replicate(new ReplicateRequest("ds", src, "back"), p -> { });
                // then
                assertThat(again.complete()).as(again.sites().toString()).isTrue();
                assertThat(again.sites().get(1).objectsCaughtUp()).isPositive();
                assertThat(again.newChunks()).isZero();
                // a killed S3Proxy may leave a partial upload visible under another name: repair removes it
                engine.repair("ds");
                var scrub = engine.scrub("ds");
                assertThat(scrub.clean()).as(scrub.toString()).isTrue();
                assertThat(engine.status("ds")).allSatisfy(s -> assertThat(s.snapshotsBehind()).isZero());
                engine.restore(new RestoreRequest("ds", "s3", "latest", tmp.resolve("out")), p -> { });
                assertThat(TestTrees.describe(tmp.resolve("out"))).isEqualTo(TestTrees.describe(src));
            }
        } finally {
            server.stop();
        }
    }
}
