package org.dataembassy.portal.policy;

import org.springframework.security.access.AccessDeniedException;

/** The authorization policy refused an action; carries the decision (codes and messages). */
public class AccessRefusedException extends AccessDeniedException {

    private final transient AccessDecision decision;

    public AccessRefusedException(String action, AccessDecision decision) {
        super(action + " refused: " + decision.message());
        this.decision = decision;
    }

    public AccessDecision decision() {
        return decision;
    }
}
