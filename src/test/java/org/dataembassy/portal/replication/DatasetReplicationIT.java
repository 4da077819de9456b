package org.dataembassy.portal.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The replication service on the real engine and the configured folder sites, called as the workflow would. */
@PortalIntegrationTest
class DatasetReplicationIT {

    static final List<String> EMBASSIES = List.of("embassy-lu", "embassy-mc");

    @Autowired
    DatasetReplication replication;
    @Autowired
    ConfiguredSites configured;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    static <T> T asWorkflow(Supplier<T> work) {
        return SystemAccount.callAs(SystemAccount.WORKFLOW, work);
    }

    static String newDatasetId() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Three files of random (incompressible) bytes, one of them in a sub-folder. */
    Path sourceTree(String name) {
        Path root = temp.resolve(name);
        TestTrees.write(root, "a.csv", TestTrees.random(1, 300_000));
        TestTrees.write(root, "b.csv", TestTrees.random(2, 300_000));
        TestTrees.write(root, "sub/c.csv", TestTrees.random(3, 300_000));
        return root;
    }

    Path siteFolder(String site) {
        return Path.of(asWorkflow(() -> configured.all()).stream().filter(s -> s.id().value().equals(site))
                .findFirst().orElseThrow().location());
    }

    static long uploaded(ReplicateResult result) {
        return result.sites().stream().mapToLong(SiteOutcome::bytesWritten).sum();
    }

    static SiteStatus statusOf(List<SiteStatus> status, String site) {
        return status.stream().filter(s -> s.site().equals(site)).findFirst().orElseThrow();
    }

    @Test
    void replicatesToBothEmbassiesVerifiesCleanAndThenSendsOnlyTheChange() throws IOException {
        String ds = newDatasetId();
        Path source = sourceTree("first");

        asWorkflow(() -> {
            replication.ensureDataset(ds);
            replication.ensureDataset(ds); // idempotent
            return null;
        });
        ReplicateResult first = asWorkflow(() -> replication.replicate(ds, source, EMBASSIES));

        assertThat(first.complete()).isTrue();
        assertThat(first.sites()).extracting(SiteOutcome::site).containsExactlyElementsOf(EMBASSIES);
        List<SiteStatus> status = asWorkflow(() -> replication.status(ds));
        for (String site : EMBASSIES) {
            assertThat(statusOf(status, site).lastVerifiedSnapshot()).as(site).isEqualTo(first.snapshotId());
            assertThat(statusOf(status, site).storedBytes()).as(site).isPositive();
            assertThat(statusOf(status, site).recoveryPointAge()).as(site).isNotNull();
        }
        assertThat(statusOf(status, "home-ee").lastVerifiedSnapshot()).isNull();
        assertThat(statusOf(status, "home-ee").snapshotsBehind()).isEqualTo(1);

        ScrubReport scrub = asWorkflow(() -> replication.scrub(ds, EMBASSIES));
        assertThat(scrub.clean()).isTrue();
        assertThat(scrub.sites()).extracting(SiteScrub::site).containsExactlyElementsOf(EMBASSIES);

        Files.write(source.resolve("b.csv"), TestTrees.random(4, 310_000));
        ReplicateResult second = asWorkflow(() -> replication.replicate(ds, source, EMBASSIES));

        assertThat(second.complete()).isTrue();
        assertThat(second.snapshotId()).isNotEqualTo(first.snapshotId());
        assertThat(second.newChunks()).isLessThan(first.newChunks());
        assertThat(uploaded(second)).isPositive().isLessThan(uploaded(first) / 2);
        assertThat(asWorkflow(() -> replication.progress(ds))).isEmpty();
        assertThat(jdbc.sql("select actor || ' ' || action || ' ' || outcome from audit_entry where subject = ? order by seq")
                .param("dataset:" + ds).query(String.class).list())
                .containsExactly("system:workflow DATASET_REPLICATED SUCCESS", "system:workflow DATASET_VERIFIED CLEAN",
                        "system:workflow DATASET_REPLICATED SUCCESS");
    }

    @Test
    void aRetryAfterASiteFailedSendsOnlyWhatIsMissing() throws IOException {
        String ds = newDatasetId();
        Path source = sourceTree("retry");
        asWorkflow(() -> {
            replication.ensureDataset(ds);
            return null;
        });
        // embassy-mc fails: its folder for this dataset is replaced by a plain file
        Path mcDataset = siteFolder("embassy-mc").resolve("datasets").resolve(ds);
        Path aside = mcDataset.resolveSibling(ds + ".aside");
        Files.move(mcDataset, aside);
        Files.writeString(mcDataset, "not a folder");
        ReplicateResult failed;
        try {
            failed = asWorkflow(() -> replication.replicate(ds, source, EMBASSIES));
        } finally {
            Files.delete(mcDataset);
            Files.move(aside, mcDataset);
        }
        assertThat(failed.complete()).isFalse();
        SiteOutcome lu = failed.sites().get(0);
        assertThat(lu.complete()).isTrue();
        assertThat(failed.sites().get(1).error()).isNotNull();

        ReplicateResult retry = asWorkflow(() -> replication.replicate(ds, source, EMBASSIES));

        assertThat(retry.complete()).isTrue();
        assertThat(retry.newChunks()).as("no chunk is sealed again").isZero();
        assertThat(retry.sites().get(0).bytesWritten()).as("embassy-lu gets only the new manifest")
                .isLessThan(lu.bytesWritten() / 10);
        assertThat(retry.sites().get(1).objectsCaughtUp()).as("embassy-mc copies what it missed").isPositive();
        assertThat(asWorkflow(() -> replication.scrub(ds, EMBASSIES)).clean()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where subject = ? and action = 'DATASET_REPLICATED'")
                .param("dataset:" + ds).query(Long.class).single()).as("only the complete run is audited").isEqualTo(1);
    }

    @Test
    void refusesUnknownSitesAndMissingSourcesBeforeWritingAnything() {
        String ds = newDatasetId();
        Path source = sourceTree("refused");
        asWorkflow(() -> {
            replication.ensureDataset(ds);
            return null;
        });

        assertThatThrownBy(() -> asWorkflow(() -> replication.replicate(ds, source, List.of("embassy-lu", "embassy-xx"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embassy-xx");
        assertThatThrownBy(() -> asWorkflow(() -> replication.replicate(ds, temp.resolve("nowhere"), EMBASSIES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");

        for (String site : List.of("home-ee", "embassy-lu", "embassy-mc")) {
            Path dataset = siteFolder(site).resolve("datasets").resolve(ds);
            assertThat(dataset.resolve("packs")).as(site).doesNotExist();
            assertThat(dataset.resolve("snapshots")).as(site).doesNotExist();
        }
        assertThat(asWorkflow(() -> replication.status(ds))).allSatisfy(s -> assertThat(s.snapshots()).isZero());
    }

    @Test
    void statusOfAnUnknownDatasetIsEmpty() {
        assertThat(asWorkflow(() -> replication.status(newDatasetId()))).isEmpty();
    }

    @Test
    void aDataOwnerMayNotReplicateCreateOrScrub() {
        String ds = newDatasetId();
        Path source = sourceTree("owner");

        assertThatThrownBy(() -> As.run("olga", "DATA_OWNER", () -> replication.replicate(ds, source, EMBASSIES)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.run("olga", "DATA_OWNER", () -> replication.ensureDataset(ds)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.run("olga", "DATA_OWNER", () -> replication.scrub(ds, EMBASSIES)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(As.user("olga", "DATA_OWNER", () -> replication.status(ds))).isEmpty();
    }

    @Test
    void twoDatasetsReplicateAtOnceAndProgressIsVisibleWhileRunning() {
        String one = newDatasetId();
        String two = newDatasetId();
        Path big = temp.resolve("big");
        for (int i = 0; i < 8; i++) {
            TestTrees.write(big, "part-" + i + ".bin", TestTrees.random(10 + i, 1_000_000));
        }
        asWorkflow(() -> {
            replication.ensureDataset(one);
            replication.ensureDataset(two);
            return null;
        });

        CompletableFuture<ReplicateResult> first = CompletableFuture.supplyAsync(
                () -> asWorkflow(() -> replication.replicate(one, big, EMBASSIES)));
        CompletableFuture<ReplicateResult> second = CompletableFuture.supplyAsync(
                () -> asWorkflow(() -> replication.replicate(two, big, List.of("embassy-lu"))));
        Optional<Progress> seen = Optional.empty();
        while (seen.isEmpty() && !(first.isDone() && second.isDone())) {
            seen = As.user("vera", "DATA_OWNER", () -> replication.progress(one)
                    .or(() -> replication.progress(two)));
        }

        assertThat(first.join().complete()).isTrue();
        assertThat(second.join().complete()).isTrue();
        assertThat(seen).as("progress seen while running").isPresent();
        assertThat(asWorkflow(() -> replication.progress(one))).isEmpty();
    }
}
