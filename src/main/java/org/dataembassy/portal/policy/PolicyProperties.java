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
 * @param bundleDir       policy folder to sign and serve; empty: the bundle in the jar, extracted under the data folder
 * @param decisionTimeout a decision slower than this is a deny ("policy engine unavailable")
 * @param startupTimeout  how long to wait for a started OPA to become healthy and activate the signed bundle
 * @param bundleKeyId     key id of the bundle signing key: the JWT {@code kid} and {@code keyid} claim, and
 *                        the {@code keys.<id>} / {@code signing.keyid} an OPA verifies with
 * @param bundleToken     bearer token OPA must present to download the bundle; empty: generated once and
 *                        kept in {@code <data-dir>/opa/signing/bundle-token}
 * @param bundleServiceUrl portal base URL the supervised OPA downloads from; empty:
 *                        {@code http://127.0.0.1:<server port><context path>}
 * @param bundlePollingMin shortest delay between the supervised OPA's bundle downloads
 * @param bundlePollingMax longest delay between the supervised OPA's bundle downloads
 * @param commandTimeout   longest run of one OPA command ({@code check}, {@code fmt}, {@code test}, {@code eval})
 * @param publishTimeout   how long a publication waits for OPA to activate the new bundle before it is undone
 */
@ConfigurationProperties("dataembassy.policy")
public record PolicyProperties(
        @DefaultValue("supervised") String mode,
        @DefaultValue("http://127.0.0.1:8181") String url,
        @DefaultValue("opa") String opaBinary,
        @DefaultValue("") String bundleDir,
        @DefaultValue("2s") Duration decisionTimeout,
        @DefaultValue("20s") Duration startupTimeout,
        @DefaultValue("portal-bundle-signer-1") String bundleKeyId,
        @DefaultValue("") String bundleToken,
        @DefaultValue("") String bundleServiceUrl,
        @DefaultValue("1s") Duration bundlePollingMin,
        @DefaultValue("2s") Duration bundlePollingMax,
        @DefaultValue("60s") Duration commandTimeout,
        @DefaultValue("30s") Duration publishTimeout) {

    public boolean supervised() {
        return "supervised".equals(mode);
    }
}
