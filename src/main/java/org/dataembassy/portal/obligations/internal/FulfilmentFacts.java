package org.dataembassy.portal.obligations.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.policy.DecisionFacts;
import org.dataembassy.portal.policy.PolicyQuery;
import org.springframework.stereotype.Component;

/**
 * The duties recorded as fulfilled, as {@code input.facts.fulfilled} ({@code [{code, on}]}) of the duties entry point:
 * a periodic duty runs from its last fulfilment, and an evacuation's follow-up duties from the evacuation's.
 */
@Component
class FulfilmentFacts implements DecisionFacts {

    private final ObligationStore store;

    FulfilmentFacts(ObligationStore store) {
        this.store = store;
    }

    @Override
    public Map<String, List<Map<String, Object>>> facts(PolicyQuery query) {
        if (!query.entryPoint().equals("dataembassy/duties") || !(query.input().get("agreement") instanceof String key)) {
            return Map.of();
        }
        List<Map<String, Object>> fulfilled = store.fulfilments(key).stream().map(f -> {
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("code", f.code());
            fact.put("on", f.on().toString());
            return fact;
        }).toList();
        return fulfilled.isEmpty() ? Map.of() : Map.of("fulfilled", fulfilled);
    }
}
