package org.dataembassy.portal.identity.internal;

import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.identity.SecurityHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/** The UI chain's rules shared by both logins (local accounts and Keycloak). */
public final class PortalRequestRules {

    private PortalRequestRules() {
    }

    /**
     * Health probes open; actuator details for ADMIN/AUDITOR; Camunda's web apps for ADMIN (they carry their own
     * CSRF protection and Content-Security-Policy); the session id changes at login (session fixation); the
     * security headers of {@link SecurityHeaders}.
     */
    public static void apply(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers("/actuator/**").hasAnyRole(Role.Names.ADMIN, Role.Names.AUDITOR)
                .requestMatchers("/camunda/**").hasRole(Role.Names.ADMIN));
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        SecurityHeaders.apply(http);
    }
}
