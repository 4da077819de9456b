package org.dataembassy.portal.workflow;

/**
 * The human tasks offered to one role (candidate group) and not done yet.
 *
 * @param role    the role, a candidate group of the processes
 * @param open    tasks open for it, claimed or not
 * @param overdue those of them whose due date has passed
 */
public record TaskCount(String role, long open, long overdue) {
}
