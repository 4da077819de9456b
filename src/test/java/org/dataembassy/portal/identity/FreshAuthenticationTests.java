package org.dataembassy.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class FreshAuthenticationTests {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private final FreshAuthentication fresh = new FreshAuthentication(() -> "/oauth2/authorization/keycloak?step-up",
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOidcLoginIsFreshWhileItsAuthTimeIsWithinTheWindow() {
        signInWithAuthTime(NOW.minusSeconds(299));
        assertThat(fresh.isWithin(Duration.ofMinutes(5))).isTrue();
        fresh.requireWithin(Duration.ofMinutes(5));
    }

    @Test
    void anOlderAuthTimeRequiresSteppingUp() {
        signInWithAuthTime(NOW.minusSeconds(301));
        assertThat(fresh.isWithin(Duration.ofMinutes(5))).isFalse();
        assertThatThrownBy(() -> fresh.requireWithin(Duration.ofMinutes(5)))
                .isInstanceOf(FreshAuthenticationRequired.class)
                .satisfies(e -> assertThat(((FreshAuthenticationRequired) e).stepUpUrl()).endsWith("?step-up"));
    }

    @Test
    void anUnknownAuthenticationTimeIsNeverFresh() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "lola", null, List.of(new SimpleGrantedAuthority("ROLE_LEGAL_OFFICER"))));
        assertThat(fresh.authenticatedAt()).isEmpty();
        assertThat(fresh.isWithin(Duration.ofDays(365))).isFalse();
    }

    @Test
    void nobodySignedInIsNeverFresh() {
        assertThatThrownBy(() -> fresh.requireWithin(Duration.ofMinutes(5))).isInstanceOf(FreshAuthenticationRequired.class);
    }

    @Test
    void aBearerTokensAuthTimeCounts() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("lola")
                .claim("auth_time", NOW.minusSeconds(10).getEpochSecond()).issuedAt(NOW.minusSeconds(5))
                .expiresAt(NOW.plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
        assertThat(fresh.authenticatedAt()).contains(NOW.minusSeconds(10));
        assertThat(fresh.isWithin(Duration.ofMinutes(1))).isTrue();
    }

    private static void signInWithAuthTime(Instant authTime) {
        OidcIdToken idToken = new OidcIdToken("id", NOW.minusSeconds(1), NOW.plusSeconds(300),
                Map.of("sub", "s-1", "preferred_username", "cora", "auth_time", authTime));
        var user = new DefaultOidcUser(List.of(new SimpleGrantedAuthority("ROLE_EMERGENCY_COMMITTEE")), idToken,
                "preferred_username");
        SecurityContextHolder.getContext().setAuthentication(
                new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak"));
    }
}
