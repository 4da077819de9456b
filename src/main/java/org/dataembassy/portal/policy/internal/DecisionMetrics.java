package org.dataembassy.portal.policy.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.Reason;

/**
 * The decision timer ({@code dataembassy_decisions_seconds} in Prometheus): every {@code PolicyDecisions.decide},
 * from the call to the recorded answer, by entry point ({@code onboarding}, {@code transfer}, {@code authz} …) and outcome ({@code allow}, {@code review}, {@code deny}, and
 * {@code unavailable} for the denies the portal gave because OPA could not answer), before the transaction commits. Fixed buckets from 1 ms to 2 s
 * rather than percentiles, so several portal nodes' histograms add up and an alert can ask for a quantile.
 */
public final class DecisionMetrics {

    public static final String NAME = "dataembassy.decisions";

    /** The rules' package prefix of an entry point ({@code dataembassy/transfer}), left out of the tag. */
    private static final String PACKAGE = "dataembassy/";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2),
    };

    private DecisionMetrics() {
    }

    /** Records one decision that took {@code nanos}. */
    public static void record(MeterRegistry meters, String entryPoint, PolicyDecision decision, long nanos) {
        Timer.builder(NAME)
                .description("Policy decisions from the call to the recorded answer")
                .tag("entry_point", entryPoint.startsWith(PACKAGE) ? entryPoint.substring(PACKAGE.length()) : entryPoint)
                .tag("outcome", outcome(decision))
                .serviceLevelObjectives(BUCKETS)
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    static String outcome(PolicyDecision decision) {
        if (decision.reasons().stream().anyMatch(r -> Reason.ENGINE_UNAVAILABLE.equals(r.code()))) {
            return "unavailable";
        }
        return switch (decision.outcome()) {
            case ALLOW -> "allow";
            case REVIEW_REQUIRED -> "review";
            case DENY -> "deny";
        };
    }
}
