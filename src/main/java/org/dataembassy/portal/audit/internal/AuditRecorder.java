package org.dataembassy.portal.audit.internal;

import org.dataembassy.portal.shared.Auditable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every {@link Auditable} event, synchronously and in the publisher's transaction (or a new one when
 * the publisher has none, e.g. a failed login).
 */
@Component
class AuditRecorder {

    private final AuditStore store;

    AuditRecorder(AuditStore store) {
        this.store = store;
    }

    @EventListener
    @Transactional
    void on(Auditable event) {
        store.append(event.auditFact());
    }
}
