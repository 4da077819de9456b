package org.dataembassy.portal.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dataembassy.identity}.
 *
 * @param demoAccounts  seed the demo accounts listed in the README (embedded default only)
 * @param loginThrottle back-off after failed sign-ins to local accounts
 */
@ConfigurationProperties("dataembassy.identity")
public record IdentityProperties(boolean demoAccounts, @DefaultValue LoginThrottle loginThrottle) {

    /**
     * Failed sign-ins to local accounts, counted per typed user name and per client address (the same rule as
     * Keycloak's brute-force detection in {@code keycloak/data-embassy-realm.json}): after every
     * {@code failureFactor} failures in a row the name is refused for {@code waitIncrement} × (failures ÷
     * factor), at most {@code maxWait}; a success clears it and failures older than {@code failureMemory} are
     * forgotten. An address is refused the same way after {@code addressFactor} times as many failures, whatever
     * names it tried, counting failures of the last {@code addressMemory} only (an office behind one address is
     * not locked out for a day by its typos).
     */
    public record LoginThrottle(@DefaultValue("5") int failureFactor, @DefaultValue("30s") Duration waitIncrement,
                                @DefaultValue("15m") Duration maxWait, @DefaultValue("12h") Duration failureMemory,
                                @DefaultValue("4") int addressFactor, @DefaultValue("1h") Duration addressMemory) {

        public LoginThrottle {
            if (failureFactor < 1 || addressFactor < 1) {
                throw new IllegalArgumentException("dataembassy.identity.login-throttle: factors must be at least 1");
            }
        }
    }
}
