package org.dataembassy.portal.identity.internal;

import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.identity.SecurityHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** The UI chain's rules shared by both logins (local accounts and Keycloak). */
public final class PortalRequestRules {

    private PortalRequestRules() {
    }

    /**
     * Health probes open; actuator details for ADMIN/AUDITOR; the OpenAPI document and Swagger UI for the API's
     * roles; Camunda's web apps for ADMIN (they carry their own
     * CSRF protection and Content-Security-Policy); the session id changes at login (session fixation); the
     * security headers of {@link SecurityHeaders}.
     */
    public static void apply(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers("/actuator/**").hasAnyRole(Role.Names.ADMIN, Role.Names.AUDITOR)
                // the REST API's OpenAPI document and Swagger UI: the roles the API serves (agreements.web.ApiSecurity)
                .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                .hasAnyRole(Role.Names.LEGAL_OFFICER, Role.Names.AUDITOR, Role.Names.ADMIN)
                .requestMatchers("/camunda/**").hasRole(Role.Names.ADMIN));
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        SecurityHeaders.apply(http);
    }
}
