package org.dataembassy.portal.identity.internal;

import org.dataembassy.portal.identity.ApiAuthentication;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Local accounts (embedded default): the API uses the session of the portal's login page; CSRF stays on
 * (cookie-authenticated POSTs are what CSRF forges) and the API never creates a session.
 */
@Component
@Profile("!keycloak")
class LocalAccountsApiAuthentication implements ApiAuthentication, StepUpRoute {

    @Override
    public AuthenticationEntryPoint configure(HttpSecurity http, AuthenticationEntryPoint notSignedIn) throws Exception {
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return notSignedIn;
    }

    @Override
    public String signInHint() {
        return "Sign in at /login and send the session cookie.";
    }

    /** Signing in again through the login form replaces the session's authentication and its login time. */
    @Override
    public String url() {
        return "/login";
    }
}
