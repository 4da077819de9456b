package org.dataembassy.portal.identity.internal;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.dataembassy.portal.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security: every route needs a login except the login page and the health probe (the signed policy
 * bundle download has its own bearer-token chain in the policy module); Camunda's
 * Cockpit/Tasklist are for ADMIN only; service methods are guarded by {@code @PreAuthorize}.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, AuthenticationEventsBridge events) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers("/actuator/**").hasAnyRole(Role.Names.ADMIN, Role.Names.AUDITOR)
                .requestMatchers("/camunda/**").hasRole(Role.Names.ADMIN));
        // Camunda's web apps carry their own CSRF protection for their REST calls.
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.with(vaadin(), vaadin -> vaadin.loginView("/login").addLogoutHandler(events));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
