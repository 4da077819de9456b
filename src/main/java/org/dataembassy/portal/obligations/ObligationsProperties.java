package org.dataembassy.portal.obligations;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataembassy.obligations.*}.
 *
 * @param check       how often the schedule asks every published agreement what it owes (default 1 h)
 * @param remindShare the share of a duty's period before its due instant at which its reminder goes out (default
 *                    0.2: a yearly audit is reminded about 73 days before it is due, a 24-hour notice 4.8 hours before)
 */
@Validated
@ConfigurationProperties("dataembassy.obligations")
public record ObligationsProperties(Duration check, @DecimalMin("0.0") @DecimalMax("1.0") double remindShare) {

    public ObligationsProperties(@DefaultValue("PT1H") Duration check, @DefaultValue("0.2") double remindShare) {
        this.check = check;
        this.remindShare = remindShare;
    }
}
