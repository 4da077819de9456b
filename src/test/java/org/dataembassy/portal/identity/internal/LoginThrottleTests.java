package org.dataembassy.portal.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.identity.IdentityProperties;
import org.dataembassy.portal.identity.LoginThrottled;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final List<Object> events = new ArrayList<>();
    private final LoginThrottle throttle = new LoginThrottle(new IdentityProperties.LoginThrottle(5,
            Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(12), 4, Duration.ofHours(1)), events::add, new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void fiveFailuresPauseTheNameForThirtySecondsThenLonger() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("dora", "10.0.0.1");
        }
        assertThat(throttle.refusal("dora", "10.0.0.2")).isEmpty();
        throttle.failed("dora", "10.0.0.1");
        assertThat(throttle.refusal("dora", "10.0.0.2")).contains(Duration.ofSeconds(30));
        assertThat(throttle.refusal("Dora ", "10.0.0.2")).as("the typed name, as the login compares it").isPresent();
        assertThat(events).containsExactly(new LoginThrottled("user:dora", 5, 30));
        now = now.plusSeconds(31);
        assertThat(throttle.refusal("dora", "10.0.0.2")).isEmpty();
        for (int i = 0; i < 5; i++) {
            throttle.failed("dora", "10.0.0.1");
        }
        assertThat(throttle.refusal("dora", "10.0.0.2")).contains(Duration.ofSeconds(60));
    }

    @Test
    void theWaitIsCappedAndForgottenAfterTheFailureMemory() {
        for (int i = 0; i < 500; i++) {
            throttle.failed("x", null);
        }
        assertThat(throttle.refusal("x", null)).contains(Duration.ofMinutes(15));
        now = now.plus(Duration.ofHours(13));
        throttle.failed("x", null);
        assertThat(throttle.refusal("x", "10.9.9.9")).isEmpty();
    }

    @Test
    void aSuccessClearsTheNameButNotTheAddress() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        assertThat(throttle.refusal("someone", "10.0.0.7")).isEmpty();
        throttle.failed("user19", "10.0.0.7");
        assertThat(throttle.refusal("someone", "10.0.0.7")).as("20 failures from one address").isPresent();
        assertThat(throttle.refusal("someone", "10.0.0.8")).isEmpty();
        throttle.succeeded("user19");
        assertThat(throttle.refusal("someone", "10.0.0.7")).isPresent();
    }

    @Test
    void unknownAndKnownNamesAreCountedAlike() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("no-such-user", "10.0.0.1");
            throttle.failed("dora", "10.0.0.2");
        }
        assertThat(throttle.refusal("no-such-user", "10.1.1.1")).isEqualTo(throttle.refusal("dora", "10.1.1.1"));
    }
}
