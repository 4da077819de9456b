package org.dataembassy.portal.identity.internal.keycloak;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dataembassy.portal.identity.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Maps Keycloak claims to the portal's roles: realm roles ({@code realm_roles}, or Keycloak's standard
 * {@code realm_access.roles}) named like the role in lower case with hyphens ({@code legal-officer}), and groups
 * ({@code groups}, plain names) from the realm's group table. Anything else is ignored; {@link Role#SYSTEM} is
 * never granted from a token.
 */
final class KeycloakRoles {

    static final Map<String, Role> GROUPS = Map.of(
            "legal-officers", Role.LEGAL_OFFICER,
            "data-owners", Role.DATA_OWNER,
            "security-officers", Role.SECURITY_OFFICER,
            "emergency-committee", Role.EMERGENCY_COMMITTEE,
            "auditors", Role.AUDITOR,
            "admins", Role.ADMIN);

    private KeycloakRoles() {
    }

    static Set<Role> fromClaims(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String realmRole : strings(claims.get("realm_roles"))) {
            role(realmRole).ifPresent(roles::add);
        }
        if (claims.get("realm_access") instanceof Map<?, ?> access) {
            for (String realmRole : strings(access.get("roles"))) {
                role(realmRole).ifPresent(roles::add);
            }
        }
        for (String group : strings(claims.get("groups"))) {
            Role role = GROUPS.get(group.startsWith("/") ? group.substring(1) : group);
            if (role != null) {
                roles.add(role);
            }
        }
        roles.remove(Role.SYSTEM);
        return roles;
    }

    static List<GrantedAuthority> authorities(Map<String, Object> claims) {
        return fromClaims(claims).stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    private static Optional<Role> role(String realmRole) {
        String name = realmRole.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : Role.values()) {
            if (role != Role.SYSTEM && role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
