package org.dataembassy.portal.identity.internal.keycloak;

import java.util.List;
import org.dataembassy.portal.identity.ApiAuthentication;
import org.dataembassy.portal.identity.internal.StepUpRoute;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Keycloak (profile {@code keycloak}): the REST API is an OAuth2 resource server. A request carries a Keycloak
 * access token ({@code Authorization: Bearer}); it is accepted only if its RS256 signature verifies against the
 * realm's published keys, {@code iss} is exactly the realm, it has not expired (clock skew configurable),
 * {@code aud} contains the portal's client and {@code typ} is {@code Bearer} (an ID token, also addressed to
 * the portal, is refused). Realm roles and groups become the portal roles; the username is
 * {@code preferred_username}. No session is used or created, so there is no cookie to forge and CSRF does
 * not apply.
 */
@Component
@Profile("keycloak")
class KeycloakApiAuthentication implements ApiAuthentication, StepUpRoute {

    private final KeycloakProperties properties;
    private final JwtDecoder decoder;

    KeycloakApiAuthentication(KeycloakProperties properties) {
        this.properties = properties;
        this.decoder = decoder(properties);
    }

    static JwtDecoder decoder(KeycloakProperties properties) {
        // Resolved on first use: the portal starts even while Keycloak is still starting.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    new JwtTimestampValidator(properties.clockSkew()),
                    new JwtIssuerValidator(properties.issuerUri()),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                            aud -> aud != null && aud.contains(properties.audience())),
                    new JwtClaimValidator<String>("typ", "Bearer"::equals)));
            return nimbus;
        });
    }

    @Override
    public AuthenticationEntryPoint configure(HttpSecurity http, AuthenticationEntryPoint notSignedIn) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName("preferred_username");
        converter.setJwtGrantedAuthoritiesConverter(jwt -> List.copyOf(KeycloakRoles.authorities(jwt.getClaims())));
        AuthenticationEntryPoint bearerChallenge = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", e instanceof OAuth2AuthenticationException
                    ? "Bearer error=\"invalid_token\"" : "Bearer");
            notSignedIn.commence(request, response, e);
        };
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by browsers on their own: nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.ignoringRequestMatchers(AnyRequestMatcher.INSTANCE))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(bearerChallenge)
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter)));
        return bearerChallenge;
    }

    @Override
    public String signInHint() {
        return "Send a valid access token of realm " + properties.issuerUri()
                + " for client '" + properties.audience() + "' in the Authorization: Bearer header.";
    }

    /** Keycloak login again with max_age=0 and prompt=login ({@link StepUpAuthorizationRequestResolver}). */
    @Override
    public String url() {
        return StepUpAuthorizationRequestResolver.AUTHORIZATION_BASE + "/" + properties.registrationId() + "?"
                + StepUpAuthorizationRequestResolver.STEP_UP_PARAMETER;
    }
}
