package org.dataembassy.portal.jurisdiction;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataembassy.jurisdiction.*}.
 *
 * @param reviewInterval how long after its last review a host state is reviewed again by the periodic schedule
 *                       (default 90 days; positive)
 */
@Validated
@ConfigurationProperties("dataembassy.jurisdiction")
public record JurisdictionProperties(@NotNull Duration reviewInterval) {

    public JurisdictionProperties(@DefaultValue("P90D") Duration reviewInterval) {
        if (reviewInterval != null && (reviewInterval.isNegative() || reviewInterval.isZero())) {
            throw new IllegalArgumentException("dataembassy.jurisdiction.review-interval must be positive: "
                    + reviewInterval);
        }
        this.reviewInterval = reviewInterval;
    }
}
