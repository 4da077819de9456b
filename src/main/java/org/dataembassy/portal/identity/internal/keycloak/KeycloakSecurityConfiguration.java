package org.dataembassy.portal.identity.internal.keycloak;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.identity.internal.AuthenticationEventsBridge;
import org.dataembassy.portal.identity.internal.PortalRequestRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.CompositeLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;

/**
 * Profile {@code keycloak}: the UI signs in through Keycloak (OIDC authorization code flow with PKCE, Spring
 * Security's OAuth2 client; no Keycloak adapter). Signing out ends the Keycloak session too (RP-initiated
 * logout to the realm's end-session endpoint with the ID token as hint, back to the portal's start page), and
 * Keycloak's back-channel logout (a signed logout token posted to
 * {@code /logout/connect/back-channel/keycloak}) ends the portal session when Keycloak ends the user's session
 * (an administrator signs the user out, or the SSO session is ended elsewhere). A disabled user, for whom
 * Keycloak sends no logout token, loses the session at the next {@link KeycloakSessionCheck}.
 * Local accounts stay the default: this chain replaces theirs only when the profile is active.
 */
@Configuration
@Profile("keycloak")
class KeycloakSecurityConfiguration {

    @Bean
    SecurityFilterChain portalSecurity(HttpSecurity http, AuthenticationEventsBridge events,
            ClientRegistrationRepository clients, OAuth2AuthorizedClientRepository authorizedClients,
            KeycloakProperties properties) throws Exception {
        PortalRequestRules.apply(http);
        http.addFilterBefore(new KeycloakSessionCheck(renewingManager(clients, authorizedClients),
                properties.sessionCheckInterval(), new CompositeLogoutHandler(events, new SecurityContextLogoutHandler())),
                AuthorizationFilter.class);
        http.oauth2Login(login -> login
                .authorizationEndpoint(endpoint -> endpoint
                        .authorizationRequestResolver(new StepUpAuthorizationRequestResolver(clients)))
                .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(keycloakRoles())));
        http.oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()));
        String loginPage = StepUpAuthorizationRequestResolver.AUTHORIZATION_BASE + "/" + properties.registrationId();
        http.with(vaadin(), vaadin -> vaadin.oauth2LoginPage(loginPage, "{baseUrl}").addLogoutHandler(events));
        return http.build();
    }

    /**
     * Tokens of the UI login are kept in the HTTP session they belong to (not per user name), so two browsers of
     * the same person never share, or overwrite, each other's refresh token.
     */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Exchanges the session's refresh token whenever asked (the session check decides how often). */
    static OAuth2AuthorizedClientManager renewingManager(ClientRegistrationRepository clients,
            OAuth2AuthorizedClientRepository authorizedClients) {
        RefreshTokenOAuth2AuthorizedClientProvider refresh = new RefreshTokenOAuth2AuthorizedClientProvider();
        refresh.setClockSkew(Duration.ofDays(365)); // "expired" always: every check really asks Keycloak
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(clients, authorizedClients);
        manager.setAuthorizedClientProvider(refresh);
        return manager;
    }

    /**
     * The portal roles from the ID token and user-info claims (realm roles and groups); Spring's default
     * OIDC_USER and SCOPE_* authorities are dropped, so nothing but a mapped role grants anything.
     */
    static GrantedAuthoritiesMapper keycloakRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Map<String, Object> claims = new HashMap<>(oidc.getIdToken().getClaims());
                    if (oidc.getUserInfo() != null) {
                        claims.putAll(oidc.getUserInfo().getClaims());
                    }
                    mapped.addAll(KeycloakRoles.authorities(claims));
                }
            }
            return mapped;
        };
    }
}
