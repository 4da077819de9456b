package org.dataembassy.portal.agreements.web;

import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.dataembassy.portal.identity.ApiAuthentication;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.identity.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
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
 * each path's roles (the agreement registry and decisions: LEGAL_OFFICER, AUDITOR, ADMIN; transfers: data owners,
 * officers and auditors; tasks: the roles that have tasks; the audit trail: AUDITOR, ADMIN), and CSRF protection kept on: a POST must carry the session's token
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
    static final String[] PUBLISHERS = {Role.Names.LEGAL_OFFICER, Role.Names.ADMIN};
    static final String[] AUDITORS = {Role.Names.AUDITOR, Role.Names.ADMIN};
    static final String[] TASK_ROLES = {Role.Names.LEGAL_OFFICER, Role.Names.SECURITY_OFFICER,
        Role.Names.EMERGENCY_COMMITTEE};
    static final String[] TRANSFER_READERS = {Role.Names.DATA_OWNER, Role.Names.LEGAL_OFFICER, Role.Names.SECURITY_OFFICER,
        Role.Names.AUDITOR};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain restApi(HttpSecurity http, ApiAuthentication authentication) throws Exception {
        String signInHint = authentication.signInHint();
        // Session (local accounts) or Keycloak bearer tokens: the identity module decides, this chain keeps the rules.
        AuthenticationEntryPoint notSignedIn = authentication.configure(http, (request, response, e) -> Problems.write(request,
                response, Problems.of(ProblemType.UNAUTHORIZED, signInHint)));
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/api/csrf").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/decisions/*").hasAnyRole(ROLES)
                        // the same roles as the registry's @PreAuthorize, checked before a body is read: a caller
                        // without the role learns nothing from a 400 about the body it sent
                        .requestMatchers("/api/tasks", "/api/tasks/**").hasAnyRole(TASK_ROLES)
                        .requestMatchers(HttpMethod.POST, "/api/transfers").hasRole(Role.Names.DATA_OWNER)
                        .requestMatchers(HttpMethod.GET, "/api/transfers", "/api/transfers/*").hasAnyRole(TRANSFER_READERS)
                        // other methods and paths under transfers: its roles get 405 or 404 from Spring MVC
                        .requestMatchers("/api/transfers", "/api/transfers/**").hasAnyRole(TRANSFER_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/audit/verification").hasRole(Role.Names.AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**").hasAnyRole(AUDITORS)
                        .requestMatchers(HttpMethod.GET, "/api/agreements/*/versions/*/impact").hasAnyRole(PUBLISHERS)
                        .requestMatchers(HttpMethod.GET, "/api/agreements", "/api/agreements/**").hasAnyRole(ROLES)
                        .requestMatchers(HttpMethod.POST, "/api/agreements/*/versions/*/tests").hasAnyRole(ROLES)
                        .requestMatchers(HttpMethod.POST, "/api/agreements/*/versions/*/publish").hasAnyRole(PUBLISHERS)
                        .requestMatchers(HttpMethod.POST, "/api/agreements", "/api/agreements/**").hasRole(Role.Names.LEGAL_OFFICER)
                        .requestMatchers(HttpMethod.PUT, "/api/agreements/**").hasRole(Role.Names.LEGAL_OFFICER)
                        // other methods and unknown paths: every endpoint has its rule above, so anyone signed in
                        // gets Spring MVC's 405 or 404 for what does not exist
                        .anyRequest().authenticated())
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(notSignedIn)
                        .accessDeniedHandler((request, response, denied) -> {
                            // The CSRF check runs before authentication is looked at: without a session there
                            // is no token to have, so say "not signed in" rather than "bad token".
                            Problems.write(request, response, !signedIn()
                                    ? Problems.of(ProblemType.UNAUTHORIZED, signInHint)
                                    : denied instanceof CsrfException
                                    ? Problems.of(ProblemType.CSRF_TOKEN, "Missing or wrong CSRF token: send the token of"
                                            + " GET /api/csrf in X-CSRF-TOKEN. Nothing was changed.")
                                    : Problems.of(ProblemType.FORBIDDEN, "Your role may not use this part of the API."));
                        }));
        SecurityHeaders.apply(http);
        return http.build();
    }

    private static boolean signedIn() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !TRUST.isAnonymous(current);
    }
}
