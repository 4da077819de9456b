package org.dataembassy.portal.policy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A question to the policy engine.
 *
 * @param entryPoint policy package as a path, e.g. {@code dataembassy/onboarding}; its {@code decision} rule is queried
 * @param subject    what the decision is about, for the audit trail (e.g. {@code onboarding-request:42})
 * @param input      the decision input: business facts only, never secrets or credentials; {@value #DECISION_TIME}
 *                   (RFC 3339) is the time the decision is taken for, stated by {@link PolicyDecisions} when absent
 */
public record PolicyQuery(String entryPoint, String subject, Map<String, Object> input) {

    /** The input field with the decision time: treaty rules never read the clock, they read this. */
    public static final String DECISION_TIME = "at";

    private static final Pattern ENTRY_POINT = Pattern.compile("dataembassy(/[a-z][a-z0-9_]*)+");

    public PolicyQuery {
        if (entryPoint == null || !ENTRY_POINT.matcher(entryPoint).matches()) {
            throw new IllegalArgumentException("not a policy entry point: " + entryPoint);
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a policy query needs a subject");
        }
        input = Map.copyOf(input);
    }

    /**
     * This query with {@code now} (RFC 3339, UTC, milliseconds) as its decision time, unless the input states one
     * already (a what-if for another day, a replay at the original time): that one is kept as it is.
     */
    public PolicyQuery at(Instant now) {
        if (input.containsKey(DECISION_TIME)) {
            return this;
        }
        Map<String, Object> stated = new LinkedHashMap<>(input);
        stated.put(DECISION_TIME, now.truncatedTo(ChronoUnit.MILLIS).toString());
        return new PolicyQuery(entryPoint, subject, stated);
    }
}
