package org.dataembassy.portal.support;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import org.dataembassy.portal.identity.AuthenticationTime;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a named user with roles, the way a signed-in request would. */
public final class As {

    private As() {
    }

    /** As a user who has just signed in (so step-up checks pass). */
    public static <T> T user(String username, String roles, Supplier<T> work) {
        return signedInAt(Instant.now(), username, roles, work);
    }

    /** As a user whose last real sign-in was at {@code signedIn} ({@code FreshAuthentication} reads it). */
    public static <T> T signedInAt(Instant signedIn, String username, String roles, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(username, null,
                Arrays.stream(roles.split(",")).map(String::trim)
                        .map(r -> new SimpleGrantedAuthority(r.startsWith("STATE_") ? r : "ROLE_" + r)).toList());
        authentication.setDetails(new AuthenticationTime(signedIn));
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(String username, String roles, Runnable work) {
        user(username, roles, () -> {
            work.run();
            return null;
        });
    }
}
