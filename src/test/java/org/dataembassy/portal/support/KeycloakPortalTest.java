package org.dataembassy.portal.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the {@code keycloak} profile tests: the whole portal on a random port signing in through the real
 * Keycloak of {@link KeycloakTestServer} (its own Spring context, shared by all subclasses).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"keycloak", "test"})
@ExtendWith(ConnectionLeakCheck.class)
public abstract class KeycloakPortalTest {

    protected static final KeycloakTestServer KEYCLOAK = KeycloakTestServer.get();
    protected static final int SESSION_CHECK_INTERVAL_SECONDS = 30;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("dataembassy.identity.keycloak.issuer-uri", () -> KEYCLOAK.issuer(KeycloakTestServer.REALM));
        registry.add("spring.security.oauth2.client.registration.keycloak.client-secret", KEYCLOAK::portalClientSecret);
        // Keycloak runs on this machine: the expired-token test need not wait out a long skew.
        registry.add("dataembassy.identity.keycloak.clock-skew", () -> "1s");
        // Long enough that the back-channel test sees the logout token's effect, not the periodic check's.
        registry.add("dataembassy.identity.keycloak.session-check-interval", () -> SESSION_CHECK_INTERVAL_SECONDS + "s");
    }

    @BeforeEach
    void registerPortalWithKeycloak() {
        KEYCLOAK.registerPortal(port);
    }

    protected String portal(String path) {
        return "http://localhost:" + port + path;
    }
}
