package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dataembassy.portal.support.PostgresCluster;
import org.dataembassy.portal.support.SmallFilesystem;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DiskFullScenario} on PostgreSQL (own cluster and port) whose database lives in a tablespace on a 64 MB
 * tmpfs: every portal and Camunda table is there, the write-ahead log stays on the cluster's own disk.
 *
 * <p>This is the full disk PostgreSQL survives: a table that cannot grow fails the statement with 53100 ("could not
 * extend file …: No space left on device"), the transaction rolls back, the server runs on. A write that fits in
 * the free room of pages it already has still succeeds (an approval updating one row did, seen here), so only the
 * writes needing a new page are refused; the scenario accepts either answer for those, never a 500. A full WAL disk is
 * another fault: the server PANICs and must be restarted, which PostgresRestartIT covers (a server gone and back);
 * it is not repeated here.
 */
@ActiveProfiles({"postgres", "test"})
class PostgresOutOfSpaceIT extends DiskFullScenario {

    private static final String DIR = "/var/tmp/data-embassy-postgres-full";
    private static final PostgresCluster POSTGRES = new PostgresCluster(DIR, 55434);
    private static SmallFilesystem small;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        String url = POSTGRES.reset();
        small = SmallFilesystem.mount(Path.of(DIR, "small"), 64);
        Path location = Files.createDirectories(small.path().resolve("tablespace"));
        chownToPostgres(small.path(), location);
        // a tablespace left by an earlier run points into a tmpfs that is gone: drop it (the database was dropped)
        POSTGRES.sql("postgres", "drop tablespace if exists portal_small");
        POSTGRES.sql("postgres", "create tablespace portal_small location '" + location + "'");
        POSTGRES.sql("postgres", "alter database dataembassy set tablespace portal_small");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "dataembassy");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
        // the scenario signs in over HTTP as the demo legal officers, which the postgres profile turns off
        registry.add("dataembassy.identity.demo-accounts", () -> "true");
        registry.add("camunda.bpm.job-execution.lock-time-in-millis", () -> "15000");
    }

    private static void chownToPostgres(Path... paths) throws Exception {
        for (Path path : paths) {
            Process chown = new ProcessBuilder(List.of("chown", "postgres", path.toString())).inheritIO().start();
            if (chown.waitFor() != 0) {
                throw new IllegalStateException("chown postgres " + path + " failed");
            }
        }
    }

    @AfterAll
    static void release() throws Exception {
        small.free();
        // the server holds the tablespace's files open: stop it before the tmpfs goes
        POSTGRES.stop();
        small.close();
    }

    /**
     * The portal cannot see the database server's disk: its health stays UP (connections are valid, reads work) and
     * only the refused writes show the fault. Asserted, so a change of this is noticed.
     */
    @Override
    protected void assertHealthWhileFull(HttpResponse<String> health) throws Exception {
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }

    @Override
    protected boolean refusesEveryWriteWhenFull() {
        return false;
    }

    @Override
    protected SmallFilesystem disk() {
        return small;
    }
}
