package org.dataembassy.portal.replication;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** Actuator health "sites": down when a configured folder site is missing or read-only. */
@Component("sites")
class SitesHealthIndicator implements HealthIndicator {

    private final SitesProperties properties;

    SitesHealthIndicator(SitesProperties properties) {
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (SitesProperties.Entry site : properties.sites()) {
            if (site.location().startsWith("s3://")) {
                health.withDetail(site.id(), "object store (probed by the replication engine)");
                continue;
            }
            Path folder = Path.of(site.location());
            boolean ok = Files.isDirectory(folder) && Files.isWritable(folder);
            health.withDetail(site.id(), site.country() + " " + site.role() + (ok ? " writable" : " NOT WRITABLE"));
            if (!ok) {
                health.down();
            }
        }
        return health.build();
    }
}
