package org.dataembassy.portal.agreements.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dataembassy.portal.identity.ApiAuthentication;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.identity.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The REST API ({@code /api/**}) has its own chain: the same session as the Vaadin UI (sign in at /login),
 * roles LEGAL_OFFICER, AUDITOR, ADMIN, and CSRF protection kept on: a POST must carry the session's token
 * (fetched from {@code GET /api/csrf}) in the {@code X-CSRF-TOKEN} header. The API never redirects to the
 * login page and never creates a session; refusals are problem+json (401 not signed in, 403 wrong role or
 * missing CSRF token). No HTTP Basic. Reasoning in docs/architecture.md, "REST API". With the {@code keycloak}
 * profile the identity module's {@link ApiAuthentication} makes it a resource server for Keycloak bearer tokens
 * instead (stateless, no session, no CSRF); the URL rules and refusals stay the same.
 */
@Configuration
class ApiSecurity {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    static final String[] ROLES = {Role.Names.LEGAL_OFFICER, Role.Names.AUDITOR, Role.Names.ADMIN};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain restApi(HttpSecurity http, ObjectMapper json, ApiAuthentication authentication) throws Exception {
        String signInHint = authentication.signInHint();
        // Session (local accounts) or Keycloak bearer tokens: the identity module decides, this chain keeps the rules.
        AuthenticationEntryPoint notSignedIn = authentication.configure(http, (request, response, e) -> write(response,
                json, HttpStatus.UNAUTHORIZED, "Not signed in", signInHint));
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/csrf").authenticated()
                        .requestMatchers("/api/agreements", "/api/agreements/**").hasAnyRole(ROLES)
                        .requestMatchers(HttpMethod.POST, "/api/decisions/*").hasAnyRole(ROLES)
                        .anyRequest().denyAll())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(notSignedIn)
                        .accessDeniedHandler((request, response, denied) -> {
                            // The CSRF check runs before authentication is looked at: without a session there
                            // is no token to have, so say "not signed in" rather than "bad token".
                            if (!signedIn()) {
                                write(response, json, HttpStatus.UNAUTHORIZED, "Not signed in", signInHint);
                            } else {
                                write(response, json, HttpStatus.FORBIDDEN, "Forbidden", denied instanceof CsrfException
                                        ? "Missing or wrong CSRF token: send the token of GET /api/csrf in X-CSRF-TOKEN."
                                        : "Your role may not use this part of the API.");
                            }
                        }));
        SecurityHeaders.apply(http);
        return http.build();
    }

    private static boolean signedIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !TRUST.isAnonymous(current);
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
            String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                ApiProblems.problem(status, title, detail, null).getBody());
    }
}
