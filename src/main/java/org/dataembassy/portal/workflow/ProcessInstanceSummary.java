package org.dataembassy.portal.workflow;

import java.time.Instant;

/**
 * One process instance, running or finished.
 *
 * @param businessKey what the instance is about ({@code <type>:<id>}, also its audit subject); may be null
 * @param endedAt     null while running
 */
public record ProcessInstanceSummary(String id, String definitionKey, String processName, String businessKey,
                                     ProcessState state, Instant startedAt, Instant endedAt) {

    /** Since when the instance is in its state: its end, or its start while running. */
    public Instant since() {
        return endedAt == null ? startedAt : endedAt;
    }
}
