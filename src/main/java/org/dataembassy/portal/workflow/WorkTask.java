package org.dataembassy.portal.workflow;

import java.time.Instant;

/**
 * A human task as "My tasks" shows it.
 *
 * @param formRoute Vaadin route of the task's form (from the task's form key), e.g. {@code datasets/review}
 * @param assignee  who claimed it, null when unclaimed
 * @param due       null when the task has no due date
 */
public record WorkTask(String id, String name, String processName, String businessKey, String formRoute,
                       String assignee, Instant created, Instant due) {

    public boolean overdue(Instant now) {
        return due != null && due.isBefore(now);
    }

    /**
     * The entity tag of the task as it stands (an HTTP strong validator): it changes when someone claims or releases
     * it, so a completion sent with {@code If-Match} fails when the task changed hands since it was read.
     */
    public String etag() {
        return "\"task-" + id + "-" + (assignee == null ? "open" : "claimed-" + assignee) + "\"";
    }
}
