package org.dataembassy.portal.shared;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataembassy.data-dir}: the node's data folder (database, sites, OPA, replication state, serving area) on
 * the embedded default. Bound once, so a value with {@code ${random.uuid}} (tests) names one folder for the whole run.
 *
 * @param dataDir the folder as configured (default {@code ./data}); {@link #home()} is its absolute form
 */
@Validated
@ConfigurationProperties("dataembassy")
public record PortalProperties(@NotNull Path dataDir) {

    public PortalProperties(@DefaultValue("./data") Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The data folder, absolute and normalised. */
    public Path home() {
        return dataDir.toAbsolutePath().normalize();
    }
}
