package org.dataembassy.portal.agreements.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per person, in this node's memory (see {@link WhatIfQuota} for what a cluster needs): it holds
 * {@code burst} decisions and refills at {@code per-minute}. Buckets of people who are back to a full allowance are
 * forgotten once more than 10,000 are kept, so the map stays bounded by the people actually asking.
 */
@Component
class InMemoryWhatIfQuota implements WhatIfQuota {

    private static final int FORGET_ABOVE = 10_000;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final WhatIfProperties properties;
    private final InstantSource clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    InMemoryWhatIfQuota(WhatIfProperties properties) {
        this(properties, InstantSource.system());
    }

    InMemoryWhatIfQuota(WhatIfProperties properties, InstantSource clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Admission admit(String username) {
        Instant now = clock.instant();
        if (buckets.size() > FORGET_ABOVE) {
            buckets.values().removeIf(b -> b.fullAt(now));
        }
        return buckets.computeIfAbsent(username, u -> new Bucket(properties.burst(), now)).take(now);
    }

    @Override
    public String limit() {
        return properties.describe();
    }

    private final class Bucket {

        private double tokens;
        private Instant updated;
        private boolean refusing;

        Bucket(double tokens, Instant now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Admission take(Instant now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                refusing = false;
                return new Admission(true, Duration.ZERO, false);
            }
            long waitNanos = (long) Math.ceil((1 - tokens) * NANOS_PER_MINUTE / properties.perMinute());
            boolean first = !refusing;
            refusing = true;
            return new Admission(false, Duration.ofNanos(waitNanos), first);
        }

        synchronized boolean fullAt(Instant now) {
            refill(now);
            return tokens >= properties.burst();
        }

        private void refill(Instant now) {
            long elapsed = Math.max(0, Duration.between(updated, now).toNanos());
            tokens = Math.min(properties.burst(), tokens + (double) elapsed * properties.perMinute() / NANOS_PER_MINUTE);
            updated = now;
        }
    }
}
