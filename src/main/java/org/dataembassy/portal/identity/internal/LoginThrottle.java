package org.dataembassy.portal.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dataembassy.portal.identity.IdentityProperties;
import org.dataembassy.portal.identity.LoginThrottled;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins to local accounts per typed name and per client address and refuses further attempts
 * for a growing wait ({@link IdentityProperties.LoginThrottle}). The typed name is counted whether or not such an
 * account exists, and a refused attempt looks the same either way, so the throttle reveals nothing about which
 * accounts exist. In memory per portal node: with several nodes each counts on its own (a shared store would
 * make the limit cluster-wide; docs/operations.md).
 */
@Component
class LoginThrottle {

    /** At most this many names or addresses are tracked; beyond it, entries no longer refused are dropped. */
    static final int MAX_TRACKED = 100_000;

    private record Failures(int count, Instant last, Instant refusedUntil) {
    }

    private final IdentityProperties.LoginThrottle settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(IdentityProperties properties, ApplicationEventPublisher events) {
        this(properties.loginThrottle(), events, Clock.systemUTC());
    }

    LoginThrottle(IdentityProperties.LoginThrottle settings, ApplicationEventPublisher events, Clock clock) {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** How long sign-ins under this name or from this address are still refused; empty when they may try. */
    Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Failures f = failures.get(key);
            if (f != null && f.refusedUntil().isAfter(now)) {
                Duration left = Duration.between(now, f.refusedUntil());
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void failed(String username, String address) {
        count(userKey(username), settings.failureFactor(), settings.failureMemory());
        count(addressKey(address), settings.failureFactor() * settings.addressFactor(), settings.addressMemory());
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void count(String key, int factor, Duration memory) {
        Instant now = clock.instant();
        Failures next = failures.compute(key, (k, f) -> {
            int count = f == null || f.last().plus(memory).isBefore(now) ? 1 : f.count() + 1;
            Instant until = now;
            if (count >= factor) {
                Duration wait = settings.waitIncrement().multipliedBy(count / factor);
                until = now.plus(wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait);
            }
            return new Failures(count, now, until);
        });
        if (next.count() >= factor && next.count() % factor == 0) {
            events.publishEvent(new LoginThrottled(key, next.count(),
                    Duration.between(now, next.refusedUntil()).toSeconds()));
        }
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> !e.getValue().refusedUntil().isAfter(now));
        }
    }

    private static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "user:" + (name.length() > 64 ? name.substring(0, 64) : name);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
