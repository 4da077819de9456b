package org.dataembassy.portal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole portal on a random port with the real supervised OPA, the real Camunda engine (job executor on)
 * and an in-memory H2, with Hikari leak detection on ({@link ConnectionLeakCheck}). All tests using it share one
 * cached Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ConnectionLeakCheck.class)
public @interface PortalIntegrationTest {
}
