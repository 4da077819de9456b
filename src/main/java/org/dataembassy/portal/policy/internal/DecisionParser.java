package org.dataembassy.portal.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataembassy.portal.policy.PolicyDecision.Outcome;
import org.dataembassy.portal.policy.Reason;

/**
 * Reads OPA's answer strictly against the decision contract
 * {@code {"allow": bool, "review_required": bool, "reasons": [{code, message, article, agreement}]}}.
 * Anything else is malformed and yields empty, which callers turn into a deny.
 */
public final class DecisionParser {

    public record Parsed(Outcome outcome, List<Reason> reasons) {
    }

    private DecisionParser() {
    }

    public static Optional<Parsed> parse(Map<String, Object> result) {
        if (result == null
                || !(result.get("allow") instanceof Boolean allow)
                || !(result.get("review_required") instanceof Boolean review)
                || !(result.get("reasons") instanceof List<?> rawReasons)) {
            return Optional.empty();
        }
        List<Reason> reasons = new ArrayList<>();
        for (Object raw : rawReasons) {
            if (!(raw instanceof Map<?, ?> r)
                    || !(r.get("code") instanceof String code) || code.isBlank()
                    || !(r.get("message") instanceof String message)
                    || !(r.get("article") instanceof String article)
                    || !(r.get("agreement") instanceof String agreement)) {
                return Optional.empty();
            }
            reasons.add(new Reason(code, message, article, agreement));
        }
        if (allow && (review || !reasons.isEmpty())) {
            return Optional.empty(); // an allow with objections is contradictory: fail closed
        }
        if (!allow && reasons.isEmpty()) {
            return Optional.empty(); // a deny nobody can explain is a bug in the policy: fail closed, loudly
        }
        Outcome outcome = allow ? Outcome.ALLOW : review ? Outcome.REVIEW_REQUIRED : Outcome.DENY;
        return Optional.of(new Parsed(outcome, reasons));
    }
}
