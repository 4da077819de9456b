package org.dataembassy.portal.identity.internal.keycloak;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * The authorization request to Keycloak: always with PKCE (S256); with {@code ?step-up} on the portal's
 * authorization URL also {@code max_age=0} and {@code prompt=login}, so Keycloak authenticates the person again
 * (password and, for the committee, OTP) even inside a live single sign-on session, and the new ID token's
 * {@code auth_time} is now. No other request parameter is passed on: the redirect URI is the registered one.
 */
class StepUpAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

    static final String AUTHORIZATION_BASE = "/oauth2/authorization";
    static final String STEP_UP_PARAMETER = "step-up";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    StepUpAuthorizationRequestResolver(ClientRegistrationRepository clients) {
        delegate = new DefaultOAuth2AuthorizationRequestResolver(clients, AUTHORIZATION_BASE);
        delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return stepUp(request, delegate.resolve(request));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return stepUp(request, delegate.resolve(request, clientRegistrationId));
    }

    private static OAuth2AuthorizationRequest stepUp(HttpServletRequest request, OAuth2AuthorizationRequest authorization) {
        if (authorization == null || request.getParameter(STEP_UP_PARAMETER) == null) {
            return authorization;
        }
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> {
                    parameters.put("max_age", "0");
                    parameters.put("prompt", "login");
                })
                .build();
    }
}
