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
 *
 * <p>With the pool known ({@link ClosedDatabasePoolRecovery}), the first such answer also evicts every other
 * connection of the pool (idle ones at once, borrowed ones when they are given back): they all belong to the closed
 * database, and H2 2.3.232 must never see one of them used again after the file was reopened. The first statement
 * on such a session shuts "its" database down once more, and H2 unregisters the database by file name
 * ({@code Engine.close(name)}), which is by then the reopened one: that one stays open with its connections and its
 * lock on the file, unknown to H2, so every new connection fails with "The file is locked" (90020) until the last of
 * them is closed. The eviction that answer triggers closes them, so the next connection opens the file cleanly.
 */
public final class ClosedDatabaseEviction implements SQLExceptionOverride {

    private final Runnable evictPool;

    /** Evicts only the failing connection (the pool is not known). */
    public ClosedDatabaseEviction() {
        this(() -> { });
    }

    /** Evicts the failing connection and, through {@code evictPool}, every other connection of its pool. */
    public ClosedDatabaseEviction(Runnable evictPool) {
        this.evictPool = evictPool;
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        if (closedDatabase(e)) {
            evictPool.run();
            return Override.MUST_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }

    /** Whether {@code e} says the connection's H2 database (or its store) has been closed. */
    static boolean closedDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 90098 || sql.getErrorCode() == 90121)
                    || PortalUnavailable.h2StoreFailed(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether opening an H2 connection failed because the database file is locked (90020, "Database may be already in
     * use", caused by the store's "The file is locked" […/7]): in one portal process, by a database H2 no longer
     * knows of, which closes only when its last connection does.
     */
    static boolean fileLocked(Throwable e) {
        boolean alreadyOpen = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 90020) {
                alreadyOpen = true;
            }
            if (alreadyOpen && "org.h2.mvstore.MVStoreException".equals(t.getClass().getName())
                    && t.getMessage() != null && t.getMessage().strip().endsWith("/7]")) {
                return true;
            }
        }
        return false;
    }
}
