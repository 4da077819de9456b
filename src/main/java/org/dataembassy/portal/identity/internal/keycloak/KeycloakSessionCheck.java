package org.dataembassy.portal.identity.internal.keycloak;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Asks Keycloak, at most once per {@code interval} and session, whether the signed-in person may still be
 * signed in: the session's refresh token is exchanged (single use, so a copied refresh token is useless). Keycloak
 * refuses when the user was disabled, their SSO session ended or the realm revoked it; the portal session then
 * ends (fail closed, also when Keycloak cannot be reached) and the next page asks for a login. This closes the
 * gap the back-channel logout leaves: Keycloak sends no logout token when a user is only disabled.
 */
class KeycloakSessionCheck extends OncePerRequestFilter {

    static final String LAST_CHECK = KeycloakSessionCheck.class.getName() + ".lastCheck";
    private static final Logger log = LoggerFactory.getLogger(KeycloakSessionCheck.class);

    private final OAuth2AuthorizedClientManager refresher;
    private final Duration interval;
    private final LogoutHandler logout;
    private final Clock clock = Clock.systemUTC();

    KeycloakSessionCheck(OAuth2AuthorizedClientManager refresher, Duration interval, LogoutHandler logout) {
        this.refresher = refresher;
        this.interval = interval;
        this.logout = logout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken token
                && !stillValid(session, token, request, response)) {
            log.info("Keycloak refused to renew the session of {}: signed out", token.getName());
            logout.logout(request, response, token);
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(HttpSession session, OAuth2AuthenticationToken token, HttpServletRequest request,
            HttpServletResponse response) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Instant now = clock.instant();
            if (session.getAttribute(LAST_CHECK) instanceof Instant last && last.plus(interval).isAfter(now)) {
                return true;
            }
            try {
                OAuth2AuthorizedClient renewed = refresher.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(token.getAuthorizedClientRegistrationId())
                        .principal(token)
                        .attribute(HttpServletRequest.class.getName(), request)
                        .attribute(HttpServletResponse.class.getName(), response)
                        .build());
                session.setAttribute(LAST_CHECK, now);
                return renewed != null;
            } catch (OAuth2AuthorizationException e) {
                return false;
            }
        }
    }
}
