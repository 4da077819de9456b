package org.dataembassy.portal.identity.internal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dataembassy.portal.identity.Role;
import org.junit.jupiter.api.Test;

class KeycloakRolesTests {

    @Test
    void realmRolesBecomePortalRoles() {
        assertThat(KeycloakRoles.fromClaims(Map.of("realm_roles", List.of("legal-officer", "auditor", "offline_access"))))
                .containsExactlyInAnyOrder(Role.LEGAL_OFFICER, Role.AUDITOR);
    }

    @Test
    void keycloaksStandardRealmAccessClaimCountsToo() {
        assertThat(KeycloakRoles.fromClaims(Map.of("realm_access", Map.of("roles", List.of("data-owner")))))
                .containsExactly(Role.DATA_OWNER);
    }

    @Test
    void groupsBecomePortalRolesWithOrWithoutPath() {
        assertThat(KeycloakRoles.fromClaims(Map.of("groups", List.of("/emergency-committee", "admins", "bowling-club"))))
                .containsExactlyInAnyOrder(Role.EMERGENCY_COMMITTEE, Role.ADMIN);
    }

    @Test
    void systemIsNeverGrantedFromAToken() {
        assertThat(KeycloakRoles.fromClaims(Map.of("realm_roles", List.of("system", "SYSTEM"), "groups", List.of("system"))))
                .isEmpty();
    }

    @Test
    void malformedClaimsGrantNothing() {
        assertThat(KeycloakRoles.fromClaims(Map.of("realm_roles", "legal-officer", "groups", Map.of("a", "admins"),
                "realm_access", List.of("admin")))).isEmpty();
        assertThat(KeycloakRoles.fromClaims(Map.of())).isEmpty();
    }

    @Test
    void authoritiesAreRolePrefixed() {
        assertThat(KeycloakRoles.authorities(Map.of("realm_roles", List.of("security-officer"))))
                .extracting(a -> a.getAuthority()).containsExactly("ROLE_SECURITY_OFFICER");
    }
}
