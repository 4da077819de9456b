package org.dataembassy.portal.identity;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dataembassy.portal.identity.internal.StepUpRoute;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Step-up authentication for sensitive actions (the emergency activation vote): has the person proved who
 * they are recently, and where do they go to prove it again.
 * <ul>
 *   <li>Keycloak: the time of the last real authentication is the ID token's {@code auth_time} (a silent
 *   single sign-on through Keycloak's cookie does not renew it); {@link #stepUpUrl()} restarts the login with
 *   {@code max_age=0} and {@code prompt=login}, so Keycloak asks for the password (and the committee's OTP)
 *   again however fresh its own session is.</li>
 *   <li>Local accounts: the time of the last form login in this session; {@link #stepUpUrl()} is the login
 *   page.</li>
 * </ul>
 * Usage in a view: {@code if (!fresh.isWithin(VOTE_WINDOW)) { UI.getCurrent().getPage().setLocation(fresh.stepUpUrl()); return; }}
 * and in the service method that records the vote: {@code fresh.requireWithin(VOTE_WINDOW)}.
 */
@Component
public class FreshAuthentication {

    /** Session attribute holding the instant of the last interactive login (local accounts). */
    public static final String LOGIN_TIME_ATTRIBUTE = FreshAuthentication.class.getName() + ".loginTime";

    private final StepUpRoute stepUp;
    private final Clock clock;

    @Autowired
    public FreshAuthentication(StepUpRoute stepUp) {
        this(stepUp, Clock.systemUTC());
    }

    FreshAuthentication(StepUpRoute stepUp, Clock clock) {
        this.stepUp = stepUp;
        this.clock = clock;
    }

    /** When the current person last really authenticated (typed a password), if known. */
    public Optional<Instant> authenticatedAt() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (a.getPrincipal() instanceof OidcUser user) {
            return Optional.ofNullable(user.getIdToken().getAuthenticatedAt());
        }
        if (a instanceof JwtAuthenticationToken jwt) {
            return Optional.ofNullable(jwt.getToken().getClaimAsInstant("auth_time"));
        }
        if (a.getDetails() instanceof AuthenticationTime time) {
            return Optional.of(time.at());
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(LOGIN_TIME_ATTRIBUTE, RequestAttributes.SCOPE_SESSION) instanceof Instant at) {
            return Optional.of(at);
        }
        return Optional.empty();
    }

    /** True if the last real authentication is at most {@code maxAge} old; false if unknown. */
    public boolean isWithin(Duration maxAge) {
        return authenticatedAt().map(at -> !at.plus(maxAge).isBefore(clock.instant())).orElse(false);
    }

    /** Refuses the action unless the last real authentication is at most {@code maxAge} old. */
    public void requireWithin(Duration maxAge) {
        if (!isWithin(maxAge)) {
            throw new FreshAuthenticationRequired(maxAge, stepUpUrl());
        }
    }

    /** Where to send the browser to authenticate again (a path on the portal). */
    public String stepUpUrl() {
        return stepUp.url();
    }

    /** Records a local form login in the session (called by the identity module at login). */
    public static void recordLogin(HttpSession session, Instant at) {
        session.setAttribute(LOGIN_TIME_ATTRIBUTE, at);
    }
}
