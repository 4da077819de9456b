package org.dataembassy.portal.policy.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.dataembassy.portal.identity.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The bundle download ({@link PolicyBundles#PATH}, GET only) and the OPA status reports
 * ({@link PolicyBundles#STATUS_PATH}, POST only) are the portal URLs that need no login:
 * they need the bundle bearer token instead, which the portal shares with the OPA it supervises (and an
 * operator gives to an external OPA). No session, no CSRF, nothing else matched by this chain; every
 * other URL stays with the portal's login chain.
 */
@Configuration
class BundleDownloadSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain policyBundleDownloads(HttpSecurity http, PolicyBundles bundles) throws Exception {
        byte[] expected = ("Bearer " + bundles.key().token()).getBytes(StandardCharsets.UTF_8);
        http.securityMatcher(PolicyBundles.PATH, PolicyBundles.STATUS_PATH)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PolicyBundles.PATH)
                        .access((authentication, context) -> new AuthorizationDecision(
                                presents(context.getRequest(), expected)))
                        .requestMatchers(HttpMethod.POST, PolicyBundles.STATUS_PATH)
                        .access((authentication, context) -> new AuthorizationDecision(
                                presents(context.getRequest(), expected)))
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable()) // token-authenticated machine endpoints without cookies or sessions
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.FORBIDDEN.value())));
        SecurityHeaders.apply(http);
        return http.build();
    }

    private static boolean presents(HttpServletRequest request, byte[] expected) {
        String header = request.getHeader("Authorization");
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected);
    }
}
