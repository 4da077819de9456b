package org.dataembassy.portal.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The person (or system account) on whose behalf the current thread acts.
 * Reads Spring Security's context; never null-returning: an anonymous caller has no username and no roles.
 */
@Component
public class CurrentUser {

    /** The authenticated username, empty for anonymous callers. */
    public Optional<String> username() {
        return authentication().map(Authentication::getName);
    }

    /** The username, or fails if nobody is authenticated. */
    public String requireUsername() {
        return username().orElseThrow(() -> new IllegalStateException("no authenticated user"));
    }

    /** The portal roles held, empty for anonymous callers. */
    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication().ifPresent(a -> {
            for (GrantedAuthority authority : a.getAuthorities()) {
                for (Role role : Role.values()) {
                    if (role.authority().equals(authority.getAuthority())) {
                        roles.add(role);
                    }
                }
            }
        });
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    /**
     * The state (ISO 3166-1 alpha-2 code) the officer serves, from the identity provider's {@code state} claim
     * (Keycloak user attribute, editable by realm administrators only); empty for local accounts and when unset.
     */
    public Optional<String> state() {
        return authentication().map(a -> {
            if (a instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
                return token.getTokenAttributes().get("state");
            }
            if (a.getPrincipal() instanceof OAuth2AuthenticatedPrincipal principal) {
                return principal.getAttribute("state");
            }
            // other sign-ins (system accounts, tests) may carry it as an authority STATE_<code>
            return a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(x -> x != null && x.startsWith(STATE_PREFIX))
                    .map(x -> x.substring(STATE_PREFIX.length())).findFirst().orElse(null);
        }).filter(String.class::isInstance).map(String.class::cast).filter(s -> !s.isBlank());
    }

    /** Prefix of an authority carrying the state a person serves, for sign-ins without claims. */
    public static final String STATE_PREFIX = "STATE_";

    private static Optional<Authentication> authentication() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(a);
    }
}
