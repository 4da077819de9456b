package org.dataembassy.portal.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * How callers of the REST API prove who they are. The identity module provides one per configuration: the
 * portal's session (local accounts, the embedded default) or Keycloak bearer tokens (profile {@code keycloak}).
 * The API's own filter chain applies it and keeps its URL rules and problem+json answers.
 */
public interface ApiAuthentication {

    /**
     * Adds the authentication mechanism to the API's chain.
     *
     * @param http the API's chain (matching {@code /api/**} only)
     * @param notSignedIn answers a caller without valid credentials (401)
     * @return the entry point the chain's exception handling must use: {@code notSignedIn}, possibly with a
     *         challenge header added
     */
    AuthenticationEntryPoint configure(HttpSecurity http, AuthenticationEntryPoint notSignedIn) throws Exception;

    /** What a refused caller is told to do, e.g. where to sign in or which token to send. */
    String signInHint();
}
