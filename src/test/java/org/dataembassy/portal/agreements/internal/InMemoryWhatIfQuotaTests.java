package org.dataembassy.portal.agreements.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class InMemoryWhatIfQuotaTests {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final InstantSource clock = () -> now;
    private final InMemoryWhatIfQuota quota = new InMemoryWhatIfQuota(new WhatIfProperties(60, 5), clock);

    @Test
    void aBurstIsAllowedThenRefusalsSayWhenTheNextOneComes() {
        for (int i = 0; i < 5; i++) {
            assertThat(quota.admit("lola").allowed()).as("decision %d of the burst", i + 1).isTrue();
        }
        WhatIfQuota.Admission refused = quota.admit("lola");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1)); // 60 a minute: one a second
        assertThat(refused.firstRefusal()).isTrue();
        assertThat(quota.admit("lola").firstRefusal()).as("the window is audited once").isFalse();
        assertThat(quota.admit("leo").allowed()).as("each person has their own bucket").isTrue();
    }

    @Test
    void theBucketRefillsAtTheRateAndNeverBeyondTheBurst() {
        for (int i = 0; i < 5; i++) {
            quota.admit("lola");
        }
        now = now.plusMillis(500);
        WhatIfQuota.Admission halfway = quota.admit("lola");
        assertThat(halfway.allowed()).isFalse();
        assertThat(halfway.retryAfter()).isEqualTo(Duration.ofMillis(500));
        now = now.plusMillis(500);
        assertThat(quota.admit("lola").allowed()).isTrue();
        WhatIfQuota.Admission again = quota.admit("lola");
        assertThat(again.allowed()).isFalse();
        assertThat(again.firstRefusal()).as("a new window after an allowed decision").isTrue();

        now = now.plus(Duration.ofHours(1));
        int allowed = 0;
        while (quota.admit("lola").allowed()) {
            allowed++;
        }
        assertThat(allowed).as("an hour idle refills to the burst, not to 60").isEqualTo(5);
    }

    @Test
    void theLimitIsSaidAsConfigured() {
        assertThat(quota.limit()).isEqualTo("60 a minute (bursts of 5)");
    }
}
