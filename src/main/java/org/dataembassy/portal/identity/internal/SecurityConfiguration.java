package org.dataembassy.portal.identity.internal;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Web security: every route needs a login except the login page and the health probe (the signed policy
 * bundle download has its own bearer-token chain in the policy module); Camunda's
 * Cockpit/Tasklist are for ADMIN only; service methods are guarded by {@code @PreAuthorize}.
 */
@Configuration
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /** Local accounts (the embedded default); the {@code keycloak} profile has its own chain instead. */
    @Bean
    @Profile("!keycloak")
    SecurityFilterChain portalSecurity(HttpSecurity http, AuthenticationEventsBridge events, LoginThrottle throttle)
            throws Exception {
        PortalRequestRules.apply(http);
        http.with(vaadin(), vaadin -> vaadin.loginView("/login").addLogoutHandler(events));
        // Vaadin exempts the login post from the CSRF check; this guard checks its token, origin and throttle.
        http.addFilterBefore(new LoginFormGuard(throttle), UsernamePasswordAuthenticationFilter.class);
        // A sign-in that failed because the portal could not check it (database down) must not read "wrong password".
        http.formLogin(form -> form.failureHandler((request, response, failure) -> response.sendRedirect(
                request.getContextPath() + (failure instanceof AuthenticationServiceException
                        ? "/login?unavailable" : "/login?error"))));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
