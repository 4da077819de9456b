package org.dataembassy.portal.activation.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.policy.DecisionFacts;
import org.dataembassy.portal.policy.PolicyQuery;
import org.springframework.stereotype.Component;

/**
 * The agreement's emergency activations that were declared ACTIVE, as {@code input.facts.activations} of the duties
 * entry point ({@code [{id, activated_at, host_notified_at?}]}): a treaty whose host notice is due after activation
 * owes one per activation, counted from the instant it was declared ACTIVE. Rehearsals owe nothing.
 */
@Component
class ActivationFacts implements DecisionFacts {

    private final ActivationStore store;

    ActivationFacts(ActivationStore store) {
        this.store = store;
    }

    @Override
    public Map<String, List<Map<String, Object>>> facts(PolicyQuery query) {
        if (!query.entryPoint().equals("dataembassy/duties") || !(query.input().get("agreement") instanceof String key)) {
            return Map.of();
        }
        List<Map<String, Object>> activations = store.activated(key).stream().map(a -> {
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("id", a.id());
            fact.put("activated_at", a.activatedAt().toString());
            if (a.notifiedAt() != null) {
                fact.put("host_notified_at", a.notifiedAt().toString());
            }
            return fact;
        }).toList();
        return activations.isEmpty() ? Map.of() : Map.of("activations", activations);
    }
}
