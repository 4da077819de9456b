package org.dataembassy.portal.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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
 * Single sign-on into Camunda's Cockpit and Tasklist: the portal's login (already checked to be ADMIN by the
 * security filter chain) becomes the Camunda web-app user, so there is no second password.
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

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            boolean admin = authentication != null && authentication.isAuthenticated()
                    && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
            if (!admin) {
                return AuthenticationResult.unsuccessful();
            }
            AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
            result.setGroups(List.of("camunda-admin"));
            return result;
        }

        @Override
        public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
            // The portal's own login page is the challenge; nothing to add here.
        }
    }
}
