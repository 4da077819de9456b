package org.dataembassy.portal.jurisdiction.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.jurisdiction.HostStateEvent;
import org.dataembassy.portal.policy.DecisionFacts;
import org.dataembassy.portal.policy.PolicyQuery;
import org.springframework.stereotype.Component;

/**
 * The host-state events recorded by jurisdiction reviews, as {@code input.facts.events} of every treaty decision
 * (onboarding, transfer, jurisdiction, activation, duties): those not ended before the decision date. The rules
 * decide what an event means under each agreement ({@code host_events}); the authorization policy sees none.
 */
@Component
class SituationFacts implements DecisionFacts {

    private static final Set<String> TREATY_ENTRY_POINTS = Set.of("dataembassy/onboarding", "dataembassy/transfer",
            "dataembassy/jurisdiction", "dataembassy/activation", "dataembassy/duties");

    private final HostStateEventStore events;

    SituationFacts(HostStateEventStore events) {
        this.events = events;
    }

    @Override
    public Map<String, List<Map<String, Object>>> facts(PolicyQuery query) {
        if (!TREATY_ENTRY_POINTS.contains(query.entryPoint())) {
            return Map.of();
        }
        LocalDate day = day(query);
        if (day == null) {
            return Map.of(); // no readable decision date: the rules deny before any fact matters
        }
        List<Map<String, Object>> found = events.notEndedBefore(day).stream().map(SituationFacts::fact).toList();
        return found.isEmpty() ? Map.of() : Map.of("events", found);
    }

    private static LocalDate day(PolicyQuery query) {
        try {
            return OffsetDateTime.parse(String.valueOf(query.input().get(PolicyQuery.DECISION_TIME)))
                    .withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Map<String, Object> fact(HostStateEvent e) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("id", e.id());
        fact.put("kind", e.kind());
        fact.put("state", e.state());
        fact.put("start", e.since().toString());
        if (e.until() != null) {
            fact.put("end", e.until().toString());
        }
        fact.put("sites", e.sites());
        fact.put("reference", e.reference());
        fact.put("source", "jurisdiction review");
        return fact;
    }
}
