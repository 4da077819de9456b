package org.dataembassy.portal.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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

    /**
     * The state (ISO 3166 alpha-2) the person serves, when the identity provider says so: an authority
     * {@code STATE_<code>} (mapped from the identity provider's {@code state} attribute). Empty otherwise,
     * e.g. for local accounts.
     */
    public Optional<String> state() {
        return authentication().flatMap(a -> a.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(x -> x != null && x.startsWith(STATE_PREFIX)).map(x -> x.substring(STATE_PREFIX.length()))
                .findFirst());
    }

    /** Prefix of the authority carrying the state a person serves. */
    public static final String STATE_PREFIX = "STATE_";

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    private static Optional<Authentication> authentication() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(a);
    }
}
