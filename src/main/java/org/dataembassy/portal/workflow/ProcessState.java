package org.dataembassy.portal.workflow;

/** Where a process instance stands, as its page and list show it. */
public enum ProcessState {
    /** Running: waiting at a task or working on a step. */
    RUNNING,
    /** Running but suspended by an administrator. */
    SUSPENDED,
    /** Reached an end event. */
    COMPLETED,
    /** Cancelled before reaching an end event. */
    TERMINATED;

    /** True for RUNNING and SUSPENDED. */
    public boolean running() {
        return this == RUNNING || this == SUSPENDED;
    }

    static ProcessState of(String camundaState) {
        return switch (camundaState == null ? "" : camundaState) {
            case "ACTIVE" -> RUNNING;
            case "SUSPENDED" -> SUSPENDED;
            case "COMPLETED" -> COMPLETED;
            default -> TERMINATED;
        };
    }
}
