package org.dataembassy.portal.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Recognises the failures that mean "the portal's database does not answer or cannot write" (down, restarting,
 * every connection busy, disk full) — as opposed to a bug, a constraint violation or bad input, which are not
 * this.
 */
public final class PortalUnavailable {

    public static final String MESSAGE = "The portal is unavailable right now: its database does not answer. "
            + "Nothing you entered is lost or wrong; try again in a minute.";

    private PortalUnavailable() {
    }

    /** Whether {@code failure} or one of its causes says the database is unavailable. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof TransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && unavailableState(sql) || h2StoreFailed(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL states of an unavailable database: class 08 (connection), 53 (insufficient resources: disk full, out of
     * memory, too many connections), 57P (operator intervention: shutdown, crash); and H2's codes for a database
     * that is closed, cannot write its file or ran out of space.
     */
    private static boolean unavailableState(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"))) {
            return true;
        }
        int code = e.getErrorCode();
        return code == 90098 /* database closed */ || code == 90028 /* IO exception */
                || code == 90121 /* database closed by the VM shutting down */ || code == 90100 /* file full */;
    }

    /**
     * H2 2.x reports a full disk not by one of its own codes but as a "General error" (50000, state HY000) caused by
     * the store's {@code MVStoreException} "Writing to … failed" (its code 2), after which the store is closed and
     * reads fail with "This store is closed" (code 4); seen with 2.3.232 on a full tmpfs. The store's code ends its
     * message ({@code […/2]}); only these two (and a failed read, code 1) count, never a corrupt file or a bug.
     */
    static boolean h2StoreFailed(Throwable t) {
        if (!"org.h2.mvstore.MVStoreException".equals(t.getClass().getName()) || t.getMessage() == null) {
            return false;
        }
        String message = t.getMessage().strip();
        return message.endsWith("/1]") || message.endsWith("/2]") || message.endsWith("/4]");
    }
}
