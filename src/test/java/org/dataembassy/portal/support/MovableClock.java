package org.dataembassy.portal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The portal's clock, movable by a test: {@link #jump} moves the portal's time and Camunda's (timers, due dates)
 * forward together; both keep ticking from there. {@link #reset} returns to the real time.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Registers this clock as the portal's clock in a test's own Spring context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    public synchronized void jump(Duration by) {
        offset = offset.plus(by);
        ClockUtil.offset(offset.toMillis());
    }

    public synchronized void reset() {
        offset = Duration.ZERO;
        ClockUtil.reset();
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
