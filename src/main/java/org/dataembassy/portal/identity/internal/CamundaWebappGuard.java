package org.dataembassy.portal.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.dataembassy.portal.identity.CamundaOperationPerformed;
import org.dataembassy.portal.identity.CamundaWriteRefused;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of Camunda's web-app API: reads pass, the allowed operations (job retries, suspend/resume) pass and are
 * audited with the portal user and the engine's answer, everything else that would write is refused with 403 and
 * audited — before it reaches the engine, whose own authorizations ({@link CamundaOperatorAccess}) refuse the same.
 * Two guards because either alone could be widened by mistake: a grant added in the engine, or a path let through
 * here.
 */
@Configuration
class CamundaWebappGuard {

    static final String API = "/camunda/api/";

    @Bean
    FilterRegistrationBean<GuardFilter> camundaWebappGuardFilter(ApplicationEventPublisher events) {
        var registration = new FilterRegistrationBean<>(new GuardFilter(events));
        registration.addUrlPatterns(API + "*");
        registration.setOrder(-1); // after Spring Security (-100), before the Camunda web-app filters
        return registration;
    }

    static final class GuardFilter extends OncePerRequestFilter {

        private final ApplicationEventPublisher events;

        GuardFilter(ApplicationEventPublisher events) {
            this.events = events;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            path = path.startsWith(API) ? path.substring(API.length()) : path;
            boolean override = request.getHeader("X-HTTP-Method-Override") != null
                    || request.getHeader("X-HTTP-Method") != null || request.getHeader("X-Method-Override") != null;
            var classified = CamundaApiRequests.classify(request.getMethod(), path, override);
            switch (classified.kind()) {
                case READ -> chain.doFilter(request, response);
                case OPERATION -> {
                    chain.doFilter(request, response);
                    events.publishEvent(new CamundaOperationPerformed(user(), classified.operation(),
                            classified.target(), response.getStatus()));
                }
                case REFUSED -> refuse(request, response, path);
            }
        }

        private void refuse(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
            events.publishEvent(new CamundaWriteRefused(user(), request.getMethod(),
                    path.length() > 200 ? path.substring(0, 200) : path));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // Camunda's own error shape, so Cockpit shows the message.
            response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"Camunda's web apps are for"
                    + " operations only (retry, suspend, resume). Decisions are taken in the portal, where they are"
                    + " checked and audited.\"}");
        }

        private static String user() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            return authentication == null ? "anonymous" : authentication.getName();
        }
    }
}
