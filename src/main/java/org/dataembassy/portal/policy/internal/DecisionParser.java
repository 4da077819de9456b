package org.dataembassy.portal.policy.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dataembassy.portal.policy.Obligation;
import org.dataembassy.portal.policy.PolicyDecision.Outcome;
import org.dataembassy.portal.policy.Reason;

/**
 * Reads OPA's answer strictly against the decision contract
 * {@code {"allow": bool, "review_required": bool, "reasons": [{code, message, article, agreement, clause?, origin?}],
 * "obligations"?: [{code, action, article, clause, agreement, owed_by, owed_to, due, within?, conditional?, status?}]}}.
 * Anything else is malformed and yields empty, which callers turn into a deny: so are an allow with reasons, a deny
 * without one, and a deny that carries obligations (nothing happens, so nothing can be owed).
 */
public final class DecisionParser {

    private static final Set<String> ORIGINS = Set.of("treaty", "portal");
    private static final Set<String> STATUSES = Set.of("open", "overdue", "fulfilled");

    public record Parsed(Outcome outcome, List<Reason> reasons, List<Obligation> obligations) {

        public Parsed(Outcome outcome, List<Reason> reasons) {
            this(outcome, reasons, List.of());
        }
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
            Optional<Reason> reason = reason(raw);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(reason.get());
        }
        Optional<List<Obligation>> obligations = obligations(result.get("obligations"));
        if (obligations.isEmpty()) {
            return Optional.empty();
        }
        if (allow && (review || !reasons.isEmpty())) {
            return Optional.empty(); // an allow with objections is contradictory: fail closed
        }
        if (!allow && reasons.isEmpty()) {
            return Optional.empty(); // a deny nobody can explain is a bug in the policy: fail closed, loudly
        }
        Outcome outcome = allow ? Outcome.ALLOW : review ? Outcome.REVIEW_REQUIRED : Outcome.DENY;
        if (outcome == Outcome.DENY && !obligations.get().isEmpty()) {
            return Optional.empty(); // a refusal carries no duty
        }
        return Optional.of(new Parsed(outcome, reasons, obligations.get()));
    }

    private static Optional<Reason> reason(Object raw) {
        if (!(raw instanceof Map<?, ?> r)
                || !(r.get("code") instanceof String code) || code.isBlank()
                || !(r.get("message") instanceof String message)
                || !(r.get("article") instanceof String article)
                || !(r.get("agreement") instanceof String agreement)) {
            return Optional.empty();
        }
        Object clause = r.get("clause");
        Object origin = r.get("origin");
        if ((clause != null && !(clause instanceof String)) || (origin != null && !ORIGINS.contains(origin))) {
            return Optional.empty();
        }
        return Optional.of(new Reason(code, message, article, agreement, (String) clause, (String) origin));
    }

    /** Absent (bundles of schema_version 1) is none; present, every obligation must be complete. */
    private static Optional<List<Obligation>> obligations(Object raw) {
        if (raw == null) {
            return Optional.of(List.of());
        }
        if (!(raw instanceof List<?> list)) {
            return Optional.empty();
        }
        List<Obligation> obligations = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> o)) {
                return Optional.empty();
            }
            String code = text(o, "code");
            String action = text(o, "action");
            String clause = text(o, "clause");
            String agreement = text(o, "agreement");
            String owedBy = text(o, "owed_by");
            String owedTo = text(o, "owed_to");
            Optional<Instant> due = instant(o.get("due"));
            Object within = o.get("within");
            Object conditional = o.get("conditional");
            Object status = o.get("status");
            Object through = o.get("fulfilled_by");
            if (code == null || action == null || clause == null || agreement == null || owedBy == null || owedTo == null
                    || !(o.get("article") instanceof String article) || due.isEmpty()
                    || (within != null && !(within instanceof String))
                    || (conditional != null && !(conditional instanceof Boolean))
                    || (status != null && !STATUSES.contains(status))
                    || (through != null && !(through instanceof String))) {
                return Optional.empty();
            }
            obligations.add(new Obligation(code, action, article, clause, agreement, owedBy, owedTo, due.get(),
                    (String) within, Boolean.TRUE.equals(conditional), (String) status, (String) through));
        }
        return Optional.of(obligations);
    }

    private static String text(Map<?, ?> map, String field) {
        return map.get(field) instanceof String s && !s.isBlank() ? s : null;
    }

    private static Optional<Instant> instant(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
