package org.dataembassy.portal.status.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.dataembassy.portal.identity.SecurityHeaders;
import org.dataembassy.portal.shared.PortalProperties;
import org.dataembassy.portal.shared.SecretFiles;
import org.dataembassy.portal.status.MetricsProperties;
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
 * {@code GET /actuator/prometheus} answers only a request carrying the scrape token ({@link MetricsProperties}) as
 * a bearer token: no session, no login, nothing else matched by this chain. A person signed in to the portal is
 * not a scraper, so even an administrator's session gets 401 here; the status page is theirs.
 */
@Configuration
class MetricsScrapeSecurity {

    static final String PATH = "/actuator/prometheus";
    static final String TOKEN_FILE = "metrics/scrape-token";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    SecurityFilterChain metricsScrape(HttpSecurity http, MetricsProperties settings, PortalProperties portal)
            throws Exception {
        String token;
        try {
            token = SecretFiles.tokenOrGenerated(settings.scrapeToken(), portal.home().resolve(TOKEN_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the metrics scrape token", e);
        }
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        http.securityMatcher(PATH)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PATH)
                        .access((authentication, context) -> new AuthorizationDecision(
                                presents(context.getRequest(), expected)))
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable()) // a token-authenticated GET without cookies or sessions
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((request, response, denied) -> response.sendError(HttpStatus.UNAUTHORIZED.value())));
        SecurityHeaders.apply(http);
        return http.build();
    }

    private static boolean presents(HttpServletRequest request, byte[] expected) {
        String header = request.getHeader("Authorization");
        return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected);
    }
}
