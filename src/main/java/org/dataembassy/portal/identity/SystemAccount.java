package org.dataembassy.portal.identity;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no person triggers directly (workflow jobs, schedules) under a named system principal
 * holding only {@link Role#SYSTEM}, so service-level checks still apply and the audit trail names the actor.
 */
public final class SystemAccount {

    public static final String WORKFLOW = "system:workflow";

    private SystemAccount() {
    }

    /** Calls {@code work} as {@code principal}; the caller's own security context is restored afterwards. */
    public static <T> T callAs(String principal, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal, null, List.of(new SimpleGrantedAuthority(Role.SYSTEM.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(String principal, Runnable work) {
        callAs(principal, () -> {
            work.run();
            return null;
        });
    }
}
