package org.dataembassy.portal.workflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defence in depth for steps that act on a decision — accept a request, replicate abroad, release keys, restore
 * for service, declare an activation, apply a jurisdiction outcome: the step re-reads the decision from the
 * portal's own records before acting, and when it is missing calls {@link #refused}, which audits the refusal in
 * its own transaction (it must survive the failing job's rollback) and returns the exception to throw.
 */
@Service
public class StepSafeguards {

    private final ApplicationEventPublisher events;

    StepSafeguards(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Audits the refusal (committed at once) and returns the exception the step throws. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public DecisionNotRecordedException refused(String step, String subject, String missing) {
        events.publishEvent(new DecisionNotRecorded(subject, step, missing));
        return new DecisionNotRecordedException(step, subject, missing);
    }
}
