package org.dataembassy.portal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.dataembassy.portal.identity.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Single sign-on into Camunda's Cockpit: the portal's login (already checked to be ADMIN by the security filter
 * chain) becomes the Camunda web-app user, so there is no second password. What that user may do there is
 * limited to operations ({@link CamundaOperatorAccess}, {@link CamundaWebappGuard}).
 */
@Configuration
class CamundaWebappAuthentication {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", PortalSessionProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(0); // after Spring Security (-100)
        return registration;
    }

    /** Instantiated by Camunda by class name; reads the Spring Security context of the request. */
    public static class PortalSessionProvider implements AuthenticationProvider {

        private static final SecureRandom RANDOM = new SecureRandom();

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean admin = authentication != null && authentication.isAuthenticated()
                    && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
            if (!admin || authentication.getName().equals(CamundaOperatorAccess.SETUP_GUARD)) {
                return AuthenticationResult.unsuccessful();
            }
            ensureCamundaAdmin(engine, authentication.getName());
            AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
            result.setGroups(List.of(CamundaOperatorAccess.OPERATORS));
            return result;
        }

        /**
         * Camunda's web apps look the user up in the engine's identity store, so portal administrators get a
         * shadow account there with an unusable random password: they can only enter through the portal. The
         * account is a member of the operations-only group ({@link CamundaOperatorAccess}), never of
         * {@code camunda-admin}.
         */
        private static synchronized void ensureCamundaAdmin(ProcessEngine engine, String username) {
            IdentityService identity = engine.getIdentityService();
            // The web apps may already have set a Camunda user on this thread; with authorization checks on, the
            // identity lookups below would then be filtered by that user's rights. Run them as the portal.
            var previous = identity.getCurrentAuthentication();
            identity.clearAuthentication();
            try {
                CamundaOperatorAccess.ensureOperatorsGroup(identity);
                if (identity.createUserQuery().userId(username).count() == 0) {
                    User user = identity.newUser(username);
                    user.setFirstName(username);
                    user.setLastName("(portal)");
                    byte[] random = new byte[32];
                    RANDOM.nextBytes(random);
                    user.setPassword(HexFormat.of().formatHex(random));
                    identity.saveUser(user);
                }
                if (identity.createUserQuery().userId(username).memberOfGroup(CamundaOperatorAccess.OPERATORS).count() == 0) {
                    identity.createMembership(username, CamundaOperatorAccess.OPERATORS);
                }
            } finally {
                if (previous != null) {
                    identity.setAuthentication(previous);
                }
            }
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // The portal's own login page is the challenge; nothing to add here.
        }
    }
}
