package org.dataembassy.portal.obligations;

/**
 * Where one agreement's tracked duties stand at an instant.
 *
 * @param agreementKey the agreement
 * @param open         owed and not yet recorded as done (overdue ones included)
 * @param dueSoon      open and due within the next seven days
 * @param overdue      open and past due (the hourly check marks them breached)
 * @param breached     marked breached: their due instant passed with nothing recorded
 */
public record ObligationCount(String agreementKey, long open, long dueSoon, long overdue, long breached) {
}
