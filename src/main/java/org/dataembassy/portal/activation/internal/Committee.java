package org.dataembassy.portal.activation.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dataembassy.portal.activation.ActivationProperties;
import org.dataembassy.portal.identity.FreshAuthentication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The emergency committee roster ({@code dataembassy.activation.committee}): member → treaty role. */
@Component
public class Committee {

    private final Map<String, String> roster;
    private final FreshAuthentication fresh;
    private final Duration freshWindow;

    Committee(ActivationProperties properties, FreshAuthentication fresh) {
        this.roster = new TreeMap<>(properties.committee());
        this.fresh = fresh;
        this.freshWindow = properties.voteFreshAuthentication();
    }

    public Optional<String> roleOf(String member) {
        return Optional.ofNullable(roster.get(member));
    }

    /** The member's treaty role; refuses anyone not on the roster. */
    public String requireRole(String member) {
        return roleOf(member).orElseThrow(() -> new AccessDeniedException(member + " is not on the emergency committee roster"));
    }

    /**
     * The treaty role of a member about to trigger or vote (a trigger is the member's first vote): on the roster
     * and signed in recently (step-up: password, and the OTP with Keycloak), else FreshAuthenticationRequired.
     */
    public String requireVoter(String member) {
        fresh.requireWithin(freshWindow);
        return requireRole(member);
    }

    /** Where the signed-in member must sign in again before voting, or empty when their sign-in is recent enough. */
    public Optional<String> stepUpBeforeVoting() {
        return fresh.isWithin(freshWindow) ? Optional.empty() : Optional.of(fresh.stepUpUrl());
    }

    /** Members in name order with their treaty roles. */
    public Map<String, String> members() {
        return roster;
    }
}
