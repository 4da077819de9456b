package org.dataembassy.portal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.dataembassy.portal.identity.FreshAuthentication;
import org.dataembassy.portal.identity.LoginFailed;
import org.dataembassy.portal.identity.UserLoggedIn;
import org.dataembassy.portal.identity.UserLoggedOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Turns Spring Security's events into the portal's own identity events (which the audit trail records). */
@Component
public class AuthenticationEventsBridge implements LogoutHandler {

    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;

    AuthenticationEventsBridge(ApplicationEventPublisher events, LoginThrottle throttle) {
        this.events = events;
        this.throttle = throttle;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getName().startsWith("system:")) {
            return;
        }
        throttle.succeeded(event.getAuthentication().getName());
        events.publishEvent(new UserLoggedIn(event.getAuthentication().getName()));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        if (event.getException() instanceof AuthenticationServiceException) {
            // the portal could not check the password (e.g. its database is down): not the person's failure,
            // so nothing is counted against the name; the audit trail, behind the same database, would fail too
            return;
        }
        String reason = event.getException() instanceof DisabledException ? "account disabled" : "bad credentials";
        String typed = String.valueOf(event.getAuthentication().getName());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.failed(typed, address);
        events.publishEvent(new LoginFailed(typed.length() > 64 ? typed.substring(0, 64) : typed, reason));
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null) {
            events.publishEvent(new UserLoggedOut(authentication.getName()));
        }
    }

    /** A login through a page (form or OIDC): remember when, for step-up checks ({@link FreshAuthentication}). */
    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var session = attributes.getRequest().getSession(false);
            if (session != null) {
                FreshAuthentication.recordLogin(session, Instant.ofEpochMilli(event.getTimestamp()));
            }
        }
    }
}
