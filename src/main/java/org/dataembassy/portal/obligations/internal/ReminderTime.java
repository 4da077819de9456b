package org.dataembassy.portal.obligations.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.dataembassy.portal.policy.Obligation;

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

    static java.util.Optional<Instant> periodStart(Instant due, String within) {
        try {
            int t = within.indexOf('T');
            String date = t < 0 ? within : within.substring(0, t);
            Period period = date.equals("P") ? Period.ZERO : Period.parse(date);
            Duration time = t < 0 ? Duration.ZERO : Duration.parse("PT" + within.substring(t + 1));
            return java.util.Optional.of(due.atZone(ZoneOffset.UTC).minus(period).toInstant().minus(time));
        } catch (RuntimeException notAPeriod) {
            return java.util.Optional.empty();
        }
    }
}
