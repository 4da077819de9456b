package org.dataembassy.portal.activation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataembassy.activation.*}.
 *
 * @param committee  the emergency committee roster: portal username → treaty role (GOVERNMENT_CIO,
 *                   CRISIS_COORDINATOR, SECURITY_OFFICER…); only members on it may trigger or vote
 * @param servingDir where activated datasets are restored for service, one read-only folder per activation
 *                   and dataset ({@code <data-dir>/serving} by default)
 * @param voteFreshAuthentication how recently a member must have signed in (password, and the OTP with Keycloak)
 *                   to trigger or vote (10 min by default); an older sign-in is sent through step-up first
 */
@Validated
@ConfigurationProperties("dataembassy.activation")
public record ActivationProperties(Map<String, String> committee, Path servingDir, Duration voteFreshAuthentication) {

    public ActivationProperties(@DefaultValue Map<String, String> committee, Path servingDir,
                                @DefaultValue("PT10M") Duration voteFreshAuthentication) {
        this.committee = Map.copyOf(committee);
        this.servingDir = servingDir;
        this.voteFreshAuthentication = voteFreshAuthentication;
    }
}
