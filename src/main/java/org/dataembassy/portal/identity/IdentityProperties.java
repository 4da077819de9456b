package org.dataembassy.portal.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code dataembassy.identity}.
 *
 * @param demoAccounts seed the demo accounts listed in the README (embedded default only)
 */
@ConfigurationProperties("dataembassy.identity")
public record IdentityProperties(boolean demoAccounts) {
}
