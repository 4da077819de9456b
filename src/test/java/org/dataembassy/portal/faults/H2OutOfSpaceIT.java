package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.dataembassy.portal.shared.ClosedDatabaseEviction;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.SmallFilesystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DiskFullScenario} with the H2 file database of the embedded default on a 64 MB tmpfs.
 *
 * <p>What H2 2.3.232 really does, seen here: the first commit that cannot be written fails with a "General error"
 * (50000, state HY000) caused by {@code MVStoreException: Writing to … failed […/2]} and "No space left on device",
 * and H2 closes the whole database. Every pooled connection then answers "The database has been closed" (90098) while
 * {@code isValid()} still says true; the pool drops them ({@code shared.ClosedDatabaseEviction}) and the next
 * connection opens the file again. With H2's default write delay the commits confirmed since its last write were lost
 * when it closed; the portal's URL has {@code WRITE_DELAY=0}.
 *
 * <p>Not every later write is refused: the next connection opens the file again even while the disk is still full,
 * and the reopened database writes into the free room inside its file until it needs more (a run under load saw a
 * submission succeed there). So a write while full is either refused as unavailable or done, as on PostgreSQL.
 * A connection of the closed database used after that reopening makes H2 lose track of the reopened one, which keeps
 * the file locked ({@code shared.ClosedDatabasePoolRecovery}, {@code ClosedDatabasePoolRecoveryIT}).
 */
@ActiveProfiles("test")
class H2OutOfSpaceIT extends DiskFullScenario {

    private static final Path ROOT = Path.of("target/h2-full-" + UUID.randomUUID()).toAbsolutePath();
    private static SmallFilesystem small;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        small = SmallFilesystem.mount(ROOT.resolve("small"), 64);
        // the production URL of application.yml (commits written before they are confirmed), on the tmpfs
        String url = "jdbc:h2:file:" + small.path().resolve("db/portal") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
        // in production the database is in data-dir, whose free space the health check watches (application.yml)
        registry.add("management.health.diskspace.path", () -> small.path().toString());
        // a job whose transaction died with the database stays locked until its lock expires (5 min by default)
        registry.add("camunda.bpm.job-execution.lock-time-in-millis", () -> "15000");
    }

    @Autowired
    DataSource dataSource;

    /** The portal's own pool, not only the one ClosedDatabasePoolRecoveryIT builds, recovers that way. */
    @Test
    void thePortalsPoolEvictsEveryConnectionOfAClosedDatabaseAndOpensThroughTheRecovery() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertThat(pool.getExceptionOverride()).isInstanceOf(ClosedDatabaseEviction.class);
        assertThat(pool.getDataSource()).as("connections opened through ClosedDatabasePoolRecovery").isNotNull();
    }

    @AfterAll
    static void release() throws Exception {
        small.free();
        small.close();
    }

    @Override
    protected void assertHealthWhileFull(HttpResponse<String> health) throws Exception {
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(ApiSession.body(health).get("status").asText()).isEqualTo("DOWN");
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
