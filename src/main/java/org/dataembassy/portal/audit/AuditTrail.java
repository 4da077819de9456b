package org.dataembassy.portal.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.dataembassy.portal.audit.internal.AuditChain;
import org.dataembassy.portal.audit.internal.AuditStore;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and verifies the append-only, hash-chained audit trail. Entries are written only by the audit
 * module itself, from {@link org.dataembassy.portal.shared.Auditable} events.
 */
@Service
public class AuditTrail {

    /** The longest period one export reads. */
    public static final int MAX_EXPORT_DAYS = 400;

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
     * A page of entries matching {@code search}, newest first; the period must not end before it starts. AUDITOR and
     * ADMIN.
     */
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public AuditPage search(AuditSearch search) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (search.from() != null && search.to() != null && !search.to().isAfter(search.from())) {
            errors.put("to", "must lie after from");
        }
        if (search.limit() < 1 || search.limit() > AuditSearch.MAX_LIMIT) {
            errors.put("limit", "from 1 to " + AuditSearch.MAX_LIMIT);
        }
        if (search.before() != null && search.before() < 1) {
            errors.put("before", "an entry's sequence number (1 or more)");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<AuditEntry> found = store.search(search);
        boolean more = found.size() > search.limit();
        List<AuditEntry> page = more ? found.subList(0, search.limit()) : found;
        return new AuditPage(page, more ? page.get(page.size() - 1).seq() : null);
    }

    /**
     * Hands every entry of a period (from included, to excluded; at most 400 days) to {@code visitor}, oldest first,
     * reading them as they are handed on; returns how many. AUDITOR and ADMIN.
     */
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public long export(Instant from, Instant to, Consumer<AuditEntry> visitor) {
        requireExportPeriod(from, to);
        return store.forEachInPeriod(from, to, visitor);
    }

    /** Refuses (by field) a period an export cannot read: absent, empty or reversed, longer than 400 days. */
    public static void requireExportPeriod(Instant from, Instant to) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (from == null) {
            errors.put("from", "required: the first instant of the period (ISO 8601, e.g. 2026-12-01T00:00:00Z)");
        }
        if (to == null) {
            errors.put("to", "required: the instant the period ends, excluded");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            errors.put("to", "must lie after from");
        } else if (from != null && to != null && Duration.between(from, to).toDays() > MAX_EXPORT_DAYS) {
            errors.put("to", "a period of at most " + MAX_EXPORT_DAYS + " days; export a longer one in parts");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
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
