package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.replication.DatasetSettings;
import org.dataembassy.portal.replication.EvacuationEvidence;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.replication.TestTrees;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.site.FolderSiteStore;
import org.dataembassy.portal.replication.site.SiteStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evacuating one host site on real folder sites: that site holds nothing of the dataset, the others still serve it. */
class SiteEvacuationTests {

    @TempDir
    Path tmp;

    private final Kek kek = Kek.generate();
    private final Map<String, SiteStore> sites = new LinkedHashMap<>();
    private Path stateDir;
    private Path source;

    @BeforeEach
    void replicateTwoDatasetsToTwoFolderSites() {
        stateDir = tmp.resolve("state");
        sites.put("host", new FolderSiteStore("host", tmp.resolve("sites/host")));
        sites.put("other", new FolderSiteStore("other", tmp.resolve("sites/other")));
        LocalReplicationEngine.initState(stateDir, kek);
        source = tmp.resolve("src");
        TestTrees.write(source, "register.bin", TestTrees.random(7, 300_000));
        TestTrees.write(source, "sub/notes.txt", "seat;name\n".repeat(500).getBytes());
        Path kept = tmp.resolve("kept-src");
        TestTrees.write(kept, "k.bin", TestTrees.random(8, 40_000));
        try (var engine = open()) {
            engine.createDataset(DatasetSettings.small("ds"));
            engine.createDataset(DatasetSettings.small("kept"));
            engine.replicate(new ReplicateRequest("ds", source, "1"), p -> { });
            engine.replicate(new ReplicateRequest("kept", kept, "1"), p -> { });
        }
    }

    private LocalReplicationEngine open() {
        return LocalReplicationEngine.open(stateDir, kek, sites);
    }

    @Test
    void leavesNoObjectOfTheDatasetAtTheHostSiteWhileTheOtherSiteStillRestoresAndVerifies() throws Exception {
        // given
        SiteStore host = sites.get("host");
        int before = host.list(ObjectNames.root("ds")).size();
        assertThat(before).isGreaterThan(3);
        assertThat(host.list(ObjectNames.keysPrefix("ds"))).isNotEmpty();
        try (var engine = open()) {
            // when
            EvacuationEvidence evidence = engine.evacuate("ds", "host");
            // then: nothing of the dataset is listed at the host, and the evidence says how much went
            assertThat(evidence.complete()).isTrue();
            assertThat(evidence.objectsRemoved()).isEqualTo(before);
            assertThat(evidence.bytesRemoved()).isPositive();
            assertThat(evidence.remaining()).isEmpty();
            assertThat(host.list(ObjectNames.root("ds"))).isEmpty();
            assertThat(Files.walk(tmp.resolve("sites/host")).filter(Files::isRegularFile)
                    .map(Path::toString)).noneMatch(p -> p.contains("/datasets/ds/"));
            String text = Files.readString(evidence.file());
            assertThat(text).contains("listing after: empty").endsWith("complete\n");
            List<String> deleted = text.lines().filter(l -> l.startsWith("deleted")).toList();
            assertThat(deleted).hasSize(before);
            assertThat(deleted.get(0)).contains("/snapshots/"); // references go first
            assertThat(deleted.get(deleted.size() - 1)).contains("/keys/"); // wrapped keys last
            // the host's recorded status is forgotten; the other site is unchanged
            SiteStatus hostStatus = engine.status("ds").stream().filter(s -> s.site().equals("host")).findFirst().orElseThrow();
            assertThat(hostStatus.snapshots()).isZero();
            assertThat(hostStatus.lastVerifiedSnapshot()).isNull();
            // another dataset at the host is untouched
            assertThat(host.list(ObjectNames.root("kept"))).isNotEmpty();
        }
        try (var otherOnly = LocalReplicationEngine.open(stateDir, kek, Map.of("other", sites.get("other")))) {
            assertThat(otherOnly.scrub("ds").clean()).isTrue();
            otherOnly.restore(new RestoreRequest("ds", "other", "latest", tmp.resolve("restored")), p -> { });
            assertThat(TestTrees.describe(tmp.resolve("restored"))).isEqualTo(TestTrees.describe(source));
        }
    }

    @Test
    void aRepeatedEvacuationDeletesNothingAndProvesTheEmptyListingAgain() {
        try (var engine = open()) {
            engine.evacuate("ds", "host");
            // when
            EvacuationEvidence again = engine.evacuate("ds", "host");
            // then
            assertThat(again.objectsRemoved()).isZero();
            assertThat(again.bytesRemoved()).isZero();
            assertThat(again.complete()).isTrue();
            assertThat(sites.get("other").list(ObjectNames.root("ds"))).isNotEmpty();
        }
    }
}
