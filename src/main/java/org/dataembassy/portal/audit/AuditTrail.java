package org.dataembassy.portal.audit;

import java.util.List;
import org.dataembassy.portal.audit.internal.AuditChain;
import org.dataembassy.portal.audit.internal.AuditStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and verifies the append-only, hash-chained audit trail. Entries are written only by the audit
 * module itself, from {@link org.dataembassy.portal.shared.Auditable} events.
 */
@Service
public class AuditTrail {

    private final AuditStore store;

    AuditTrail(AuditStore store) {
        this.store = store;
    }

    /** The newest entries first. AUDITOR and ADMIN. */
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        return store.recent(Math.max(1, Math.min(limit, 1000)));
    }

    /** Entries about one subject, oldest first. Any authenticated user: callers show them only where the user may see the subject. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<AuditEntry> forSubject(String subject) {
        return store.forSubject(subject);
    }

    /**
     * Recomputes every hash and link; reports edited, inserted and deleted entries. AUDITOR, and the system for the
     * periodic check whose result operators alert on ({@code dataembassy_audit_chain_intact}).
     */
    @PreAuthorize("hasAnyRole('AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        return AuditChain.verify(store);
    }
}
