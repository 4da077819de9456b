package org.dataembassy.portal.policy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dataembassy.policy}.
 *
 * @param mode            {@code supervised}: the portal starts OPA itself; {@code external}: use {@link #url}
 * @param url             external OPA base URL (external mode only)
 * @param opaBinary       path of the OPA executable (supervised mode)
 * @param bundleDir       policy bundle folder to load; empty: the bundle in the jar, extracted under the data folder
 * @param decisionTimeout a decision slower than this is a deny ("policy engine unavailable")
 * @param startupTimeout  how long to wait for a started OPA to become healthy
 */
@ConfigurationProperties("dataembassy.policy")
public record PolicyProperties(
        @DefaultValue("supervised") String mode,
        @DefaultValue("http://127.0.0.1:8181") String url,
        @DefaultValue("opa") String opaBinary,
        @DefaultValue("") String bundleDir,
        @DefaultValue("2s") Duration decisionTimeout,
        @DefaultValue("20s") Duration startupTimeout) {

    public boolean supervised() {
        return "supervised".equals(mode);
    }
}
