package org.dataembassy.portal.shared;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection whose H2 database was closed under it, so the next borrower opens
 * the database again instead of receiving the same dead session until the connection's maximum lifetime ends.
 *
 * <p>When H2 cannot write its file (a full disk), it closes the whole database; every open connection then answers
 * "The database has been closed" (90098) or "This store is closed" — yet {@code isValid()} still says {@code true},
 * so the pool's own check never evicts it, and the portal would stay unavailable after the space returned.
 * Configured as {@code spring.datasource.hikari.exception-override-class-name}; for anything else the pool decides
 * as it always does (PostgreSQL's connection states are already evicted by the pool).
 */
public final class ClosedDatabaseEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 90098 || sql.getErrorCode() == 90121)
                    || PortalUnavailable.h2StoreFailed(t)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
