package org.dataembassy.portal.audit;

import java.util.List;

/**
 * One page of audit entries, newest first.
 *
 * @param nextBefore the {@code before} of the next (older) page; null on the last page
 */
public record AuditPage(List<AuditEntry> entries, Long nextBefore) {

    public AuditPage {
        entries = List.copyOf(entries);
    }
}
