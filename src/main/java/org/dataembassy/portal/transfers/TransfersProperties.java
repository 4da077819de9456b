package org.dataembassy.portal.transfers;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataembassy.transfers.*}.
 *
 * @param replicationInterval how old an ACTIVE dataset's last replication to a site may get before the schedule
 *                            starts the next transfer (default 24 h; positive)
 */
@Validated
@ConfigurationProperties("dataembassy.transfers")
public record TransfersProperties(@NotNull Duration replicationInterval) {

    public TransfersProperties(@DefaultValue("PT24H") Duration replicationInterval) {
        if (replicationInterval != null && (replicationInterval.isNegative() || replicationInterval.isZero())) {
            throw new IllegalArgumentException("dataembassy.transfers.replication-interval must be positive: "
                    + replicationInterval);
        }
        this.replicationInterval = replicationInterval;
    }
}
