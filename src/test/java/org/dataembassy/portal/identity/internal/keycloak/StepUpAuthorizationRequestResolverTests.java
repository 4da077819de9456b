package org.dataembassy.portal.identity.internal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

class StepUpAuthorizationRequestResolverTests {

    private final StepUpAuthorizationRequestResolver resolver = new StepUpAuthorizationRequestResolver(
            new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("keycloak")
                    .clientId("portal").clientSecret("s").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope("openid")
                    .authorizationUri("https://sso.example/realms/r/protocol/openid-connect/auth")
                    .tokenUri("https://sso.example/realms/r/protocol/openid-connect/token").build()));

    @Test
    void stepUpForcesAFreshAuthentication() {
        OAuth2AuthorizationRequest request = resolver.resolve(request("step-up", ""));
        assertThat(request.getAdditionalParameters()).containsEntry("max_age", "0").containsEntry("prompt", "login");
        assertThat(request.getAuthorizationRequestUri()).contains("max_age=0").contains("prompt=login");
    }

    @Test
    void anOrdinaryLoginIsNotForcedButAlwaysUsesPkce() {
        OAuth2AuthorizationRequest request = resolver.resolve(request(null, null));
        assertThat(request.getAdditionalParameters()).doesNotContainKeys("max_age", "prompt")
                .containsEntry("code_challenge_method", "S256").containsKey("code_challenge");
    }

    @Test
    void requestParametersNeverReachTheRedirectUri() {
        MockHttpServletRequest attack = request("redirect_uri", "http://127.0.0.1:9/stolen");
        attack.addParameter("continue", "http://127.0.0.1:9/stolen");
        OAuth2AuthorizationRequest request = resolver.resolve(attack);
        assertThat(request.getRedirectUri()).isEqualTo("http://localhost:8080/login/oauth2/code/keycloak");
        assertThat(request.getAuthorizationRequestUri()).doesNotContain("127.0.0.1");
    }

    @Test
    void otherPathsAreNoAuthorizationRequest() {
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/account");
        assertThat(resolver.resolve(other)).isNull();
    }

    private static MockHttpServletRequest request(String parameter, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/keycloak");
        request.setServletPath("/oauth2/authorization/keycloak");
        request.setServerName("localhost");
        request.setServerPort(8080);
        if (parameter != null) {
            request.addParameter(parameter, value);
        }
        return request;
    }
}
