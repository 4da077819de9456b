package org.dataembassy.portal.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dataembassy.portal.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Local accounts in {@code portal_user}. */
@Repository
class UserAccountStore {

    record Account(String username, String displayName, String passwordHash, Set<Role> roles, boolean enabled) {
    }

    private final JdbcClient jdbc;

    UserAccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> find(String username) {
        return jdbc.sql("select username, display_name, password_hash, roles, enabled from portal_user where username = ?")
                .param(username)
                .query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3),
                        parseRoles(rs.getString(4)), rs.getBoolean(5)))
                .optional();
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from portal_user where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    void insert(Account account) {
        jdbc.sql("insert into portal_user (username, display_name, password_hash, roles, enabled, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(account.username(), account.displayName(), account.passwordHash(),
                        account.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
                        account.enabled(), Timestamp.from(Instant.now()))
                .update();
    }

    private static Set<Role> parseRoles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        roles.remove(Role.SYSTEM); // never grantable to a person
        return roles;
    }
}
