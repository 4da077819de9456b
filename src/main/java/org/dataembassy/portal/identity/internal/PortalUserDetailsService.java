package org.dataembassy.portal.identity.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads local accounts for form login. */
@Service
class PortalUserDetailsService implements UserDetailsService {

    private final UserAccountStore accounts;

    PortalUserDetailsService(UserAccountStore accounts) {
        this.accounts = accounts;
    }

    /** Anyone: the login itself looks the account up before anybody is authenticated. */
    @Override
    @PreAuthorize("permitAll()")
    public UserDetails loadUserByUsername(String username) {
        var account = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.enabled())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }
}
