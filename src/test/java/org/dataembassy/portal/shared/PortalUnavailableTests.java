package org.dataembassy.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class PortalUnavailableTests {

    @Test
    void anUnreachableOrFullDatabaseIsUnavailable() {
        assertThat(PortalUnavailable.causedBy(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("timeout")))).isTrue();
        assertThat(PortalUnavailable.causedBy(new CannotCreateTransactionException("no tx"))).isTrue();
        assertThat(PortalUnavailable.causedBy(new RuntimeException("wrapped",
                new UncategorizedSQLException("write", "insert", new SQLException("No space left on device", "53100")))))
                .isTrue();
        assertThat(PortalUnavailable.causedBy(new UncategorizedSQLException("write", "insert",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(PortalUnavailable.causedBy(new SQLException("File corrupted while writing", "90030", 90100))).isTrue();
        assertThat(PortalUnavailable.causedBy(new CannotAcquireLockException("lock timeout"))).isTrue();
    }

    /** What H2 2.3.232 really throws on a full disk, and on every use of its store after that (H2OutOfSpaceIT). */
    @Test
    void h2sFullDiskAndClosedStoreAreUnavailableButItsOtherStoreErrorsAreNot() {
        assertThat(PortalUnavailable.causedBy(new UncategorizedSQLException("commit", "commit", h2General(
                DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED, "Writing to {0} failed; length {1} at {2}",
                        "file", 16384, 0, new IOException("No space left on device")))))).isTrue();
        assertThat(PortalUnavailable.causedBy(h2General(
                DataUtils.newMVStoreException(DataUtils.ERROR_CLOSED, "This store is closed")))).isTrue();
        assertThat(PortalUnavailable.causedBy(h2General(
                DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "File corrupted in chunk {0}", 7)))).isFalse();
        assertThat(PortalUnavailable.causedBy(h2General(
                DataUtils.newMVStoreException(DataUtils.ERROR_INTERNAL, "Internal error")))).isFalse();
        assertThat(PortalUnavailable.causedBy(new SQLException("General error", "HY000", 50000))).isFalse();
    }

    @Test
    void theConnectionOfAClosedH2DatabaseIsEvictedOtherFailuresAreLeftToThePool() {
        ClosedDatabaseEviction eviction = new ClosedDatabaseEviction();
        assertThat(eviction.adjudicate(new SQLException("The database has been closed", "90098", 90098)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(eviction.adjudicate(h2General(DataUtils.newMVStoreException(DataUtils.ERROR_CLOSED,
                "This store is closed")))).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(eviction.adjudicate(new SQLException("unique", "23505", 23505)))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
        assertThat(eviction.adjudicate(new SQLException("No space left on device", "53100")))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
    }

    /** The pool-wide eviction and the locked file of {@link ClosedDatabasePoolRecovery} (ClosedDatabasePoolRecoveryIT). */
    @Test
    void aClosedH2DatabaseEvictsTheWholePoolAndAFileLockedByAnotherOpeningIsRecognised() {
        AtomicInteger poolEvictions = new AtomicInteger();
        ClosedDatabaseEviction eviction = new ClosedDatabaseEviction(poolEvictions::incrementAndGet);
        assertThat(eviction.adjudicate(new SQLException("unique", "23505", 23505)))
                .isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
        assertThat(poolEvictions).hasValue(0);
        assertThat(eviction.adjudicate(new SQLException("The database has been closed", "90098", 90098)))
                .isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
        assertThat(poolEvictions).hasValue(1);
        SQLException locked = new SQLException("Database may be already in use", "90020", 90020,
                DataUtils.newMVStoreException(DataUtils.ERROR_FILE_LOCKED, "The file is locked: {0}", "portal.mv.db"));
        assertThat(ClosedDatabaseEviction.fileLocked(locked)).isTrue();
        assertThat(ClosedDatabaseEviction.fileLocked(new SQLException("Database may be already in use", "90020",
                90020))).isFalse();
        assertThat(ClosedDatabaseEviction.fileLocked(h2General(DataUtils.newMVStoreException(DataUtils.ERROR_FILE_LOCKED,
                "The file is locked: {0}", "portal.mv.db")))).as("only when opening says so").isFalse();
    }

    private static SQLException h2General(Throwable cause) {
        return new SQLException("General error: \"" + cause + "\" [50000-232]", "HY000", 50000, cause);
    }

    @Test
    void aBugOrAConflictIsNotUnavailability() {
        assertThat(PortalUnavailable.causedBy(new DuplicateKeyException("unique"))).isFalse();
        assertThat(PortalUnavailable.causedBy(new DataIntegrityViolationException("check"))).isFalse();
        assertThat(PortalUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(PortalUnavailable.causedBy(new SQLException("syntax", "42000"))).isFalse();
        assertThat(PortalUnavailable.causedBy(null)).isFalse();
    }
}
