package org.dataembassy.portal.policy.internal;

import java.nio.file.Path;
import org.dataembassy.portal.policy.PolicyProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the OPA the portal talks to: supervised on loopback (default) or external (production). */
@Configuration
class PolicyEngineConfiguration {

    @Bean
    OpaProbe opaProbe() {
        return new OpaProbe();
    }

    @Bean
    OpaEndpoint opaEndpoint(PolicyProperties properties, OpaProbe probe, @Value("${dataembassy.data-dir}") String dataDir) {
        if (!properties.supervised()) {
            return new ExternalOpa(properties.url(), probe);
        }
        Path opaHome = Path.of(dataDir).toAbsolutePath().resolve("opa");
        Path bundle = properties.bundleDir().isBlank()
                ? BundleFolder.extractFromClasspath(opaHome.resolve("bundle"))
                : Path.of(properties.bundleDir()).toAbsolutePath();
        return new OpaSupervisor(OpaSupervisor.resolveBinary(properties.opaBinary()), bundle,
                opaHome.resolve("opa.log"), properties.startupTimeout(), probe);
    }

    @Bean
    OpaDecisionClient opaDecisionClient(OpaEndpoint endpoint, PolicyProperties properties) {
        return new OpaDecisionClient(endpoint, properties.decisionTimeout());
    }
}
