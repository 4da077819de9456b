package org.dataembassy.portal.policy;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A question to the policy engine.
 *
 * @param entryPoint policy package as a path, e.g. {@code dataembassy/onboarding}; its {@code decision} rule is queried
 * @param subject    what the decision is about, for the audit trail (e.g. {@code onboarding-request:42})
 * @param input      the decision input: business facts only, never secrets or credentials
 */
public record PolicyQuery(String entryPoint, String subject, Map<String, Object> input) {

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
}
