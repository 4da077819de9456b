package org.dataembassy.portal.identity.internal.keycloak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dataembassy.identity.keycloak} (profile {@code keycloak}).
 *
 * @param issuerUri the realm's issuer, e.g. {@code https://sso.example/realms/data-embassy}; bearer tokens
 *                  must carry exactly this {@code iss}
 * @param registrationId the Spring Security client registration used for the UI login
 * @param audience the {@code aud} every bearer token for the REST API must contain (the portal's client id)
 * @param clockSkew tolerance for {@code exp}/{@code nbf} of bearer tokens
 * @param sessionCheckInterval how often a UI session asks Keycloak whether it may go on (refresh-token
 *                             exchange); a disabled user is signed out at the first request after it
 */
@ConfigurationProperties("dataembassy.identity.keycloak")
public record KeycloakProperties(
        String issuerUri,
        @DefaultValue("keycloak") String registrationId,
        @DefaultValue("portal") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("60s") Duration sessionCheckInterval) {
}
