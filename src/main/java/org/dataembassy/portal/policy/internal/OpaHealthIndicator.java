package org.dataembassy.portal.policy.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Actuator health "opa": up when OPA answers /health; shows mode, version and bundle revision. */
@Component("opa")
class OpaHealthIndicator implements HealthIndicator {

    private final OpaEndpoint endpoint;
    private final OpaProbe probe;

    OpaHealthIndicator(OpaEndpoint endpoint, OpaProbe probe) {
        this.endpoint = endpoint;
        this.probe = probe;
    }

    @Override
    public Health health() {
        String url = endpoint.baseUrl();
        Health.Builder health = probe.healthy(url) ? Health.up() : Health.down();
        return health.withDetail("mode", endpoint.mode()).withDetail("url", url)
                .withDetail("version", endpoint.version())
                .withDetail("bundleRevision", probe.bundleRevision(url).orElse("unknown"))
                .withDetail("restarts", endpoint.restarts()).build();
    }
}
