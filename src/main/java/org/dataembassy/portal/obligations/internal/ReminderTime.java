package org.dataembassy.portal.obligations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dataembassy.portal.policy.Obligation;
import org.dataembassy.portal.shared.TreatyPeriod;

/**
 * When a duty's reminder is due: a share of its period before its due instant. The period is the duty's own
 * ({@code within}, an ISO 8601 period such as P12M, PT24H or P1MT12H, counted back from the due instant on the UTC
 * calendar); a duty due on a fixed date counts from the instant the portal first tracked it.
 */
public final class ReminderTime {

    private ReminderTime() {
    }

    public static Instant of(Obligation o, double share, Instant firstSeen) {
        Instant start = o.within() == null ? firstSeen : periodStart(o.due(), o.within()).orElse(firstSeen);
        long seconds = Math.max(0, Duration.between(start, o.due()).getSeconds());
        return o.due().minusSeconds(Math.round(seconds * share));
    }

    static Optional<Instant> periodStart(Instant due, String within) {
        return TreatyPeriod.parse(within).map(period -> period.before(due));
    }
}
