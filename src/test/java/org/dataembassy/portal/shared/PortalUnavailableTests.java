package org.dataembassy.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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

    @Test
    void aBugOrAConflictIsNotUnavailability() {
        assertThat(PortalUnavailable.causedBy(new DuplicateKeyException("unique"))).isFalse();
        assertThat(PortalUnavailable.causedBy(new DataIntegrityViolationException("check"))).isFalse();
        assertThat(PortalUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(PortalUnavailable.causedBy(new SQLException("syntax", "42000"))).isFalse();
        assertThat(PortalUnavailable.causedBy(null)).isFalse();
    }
}
