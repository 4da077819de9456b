package org.dataembassy.portal.shell;

import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/** Recognises the failures that mean "the portal's database does not answer", as opposed to a bug or bad input. */
public final class PortalUnavailable {

    public static final String MESSAGE = "The portal is unavailable right now: its database does not answer. "
            + "Nothing you entered is lost or wrong; try again in a minute.";

    private PortalUnavailable() {
    }

    /** Whether {@code failure} or one of its causes is a database or transaction failure. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException || t instanceof TransactionException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
