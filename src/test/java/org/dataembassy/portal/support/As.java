package org.dataembassy.portal.support;

import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs test code as a named user with roles, the way a signed-in request would. */
public final class As {

    private As() {
    }

    public static <T> T user(String username, String roles, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                Arrays.stream(roles.split(",")).map(String::trim)
                        .map(r -> new SimpleGrantedAuthority(r.startsWith("STATE_") ? r : "ROLE_" + r)).toList()));
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
