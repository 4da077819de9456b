package org.dataembassy.portal.agreements.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dataembassy.agreements.what-if}: how many what-if decisions (try-it panel and
 * {@code POST /api/decisions/…}) one person may ask for (docs/operations.md, "Request limits").
 *
 * @param perMinute sustained rate per person
 * @param burst     how many may come at once before the rate applies
 */
@ConfigurationProperties("dataembassy.agreements.what-if")
public record WhatIfProperties(@DefaultValue("60") int perMinute, @DefaultValue("20") int burst) {

    public WhatIfProperties {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("dataembassy.agreements.what-if: per-minute and burst must be at least 1");
        }
    }

    /** As refusals say it: {@code 60 a minute (bursts of 20)}. */
    public String describe() {
        return perMinute + " a minute (bursts of " + burst + ")";
    }
}
