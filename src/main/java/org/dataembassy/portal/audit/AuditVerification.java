package org.dataembassy.portal.audit;

import java.util.List;

/**
 * Result of checking the whole chain.
 *
 * @param entriesChecked how many entries were read
 * @param problems       one line per broken link, edited entry, gap or head mismatch; empty when intact
 */
public record AuditVerification(long entriesChecked, List<String> problems) {

    public AuditVerification {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
