package org.dataembassy.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.dataembassy.portal.support.SmallFilesystem;
import org.junit.jupiter.api.Test;

/**
 * What made H2OutOfSpaceIT hang now and then, step by step on a real full disk (a 16 MB tmpfs, root as CI runs): H2
 * closes the database at the first write it cannot make; the pool opens the file again; then a connection of the
 * closed database that was out of the pool meanwhile (or idle in it) runs a statement. H2 2.3.232 answers "closed"
 * and unregisters the database by file name — the reopened one, which keeps the file locked. Without
 * {@link ClosedDatabasePoolRecovery} the pool keeps the one connection it has and every new one fails with "The file
 * is locked" (the second connection below times out); with it, the pool's connections are evicted, the orphaned
 * database closes, and two connections at once work again.
 */
class ClosedDatabasePoolRecoveryIT {

    @Test
    void aConnectionOfTheClosedDatabaseUsedAfterTheFileWasReopenedDoesNotLeaveThePoolStuck() throws Exception {
        Path mountPoint = Path.of("target/h2-pool-" + UUID.randomUUID()).toAbsolutePath().resolve("small");
        try (SmallFilesystem disk = SmallFilesystem.mount(mountPoint, 16);
             HikariDataSource pool = pool(disk.path().resolve("db/portal"))) {
            Connection held = pool.getConnection();
            held.createStatement().execute("create table t(x int, pad varchar)");

            disk.fill();
            int confirmed = 0;
            SQLException refused = null;
            try (Connection writer = pool.getConnection()) {
                for (int i = 0; i < 1000 && refused == null; i++) {
                    try {
                        writer.createStatement().execute("insert into t values (" + i + ", space(20000))");
                        confirmed++;
                    } catch (SQLException e) {
                        refused = e;
                    }
                }
            }
            assertThat((Throwable) refused).as("an insert refused within 1000 tries of a full disk").isNotNull();
            assertThat(PortalUnavailable.causedBy(refused)).as(refused.toString()).isTrue();
            disk.free();

            // the pool opens the file again (its first try may still meet the closed database)
            int rows = confirmed;
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                    .until(() -> count(pool) == rows);

            SQLException late = catchThrowableOfType(() -> held.createStatement().executeQuery("select 1"),
                    SQLException.class);
            assertThat((Throwable) late).as("the closed database's connection, used after the reopen").isNotNull();
            assertThat(late.getErrorCode()).isEqualTo(90098);
            held.close();

            try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
                assertThat(count(a)).isEqualTo(rows);
                assertThat(count(b)).isEqualTo(rows);
            }
        }
    }

    /** A pool as the portal's (application.yml) on the H2 file {@code database}, with the recovery applied. */
    private static HikariDataSource pool(Path database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + database + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(5000);
        pool.setExceptionOverrideClassName(ClosedDatabaseEviction.class.getName());
        ClosedDatabasePoolRecovery.apply(pool);
        return pool;
    }

    private static int count(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return count(c);
        }
    }

    private static int count(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("select count(*) from t")) {
            r.next();
            return r.getInt(1);
        }
    }
}
