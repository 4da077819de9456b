package org.dataembassy.portal.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges the facts of every {@link DecisionFacts} source into a decision input's {@code facts}. */
final class FactsMerge {

    static final String FACTS = "facts";

    private FactsMerge() {
    }

    static PolicyQuery merge(PolicyQuery query, List<DecisionFacts> sources) {
        if (sources.isEmpty()) {
            return query;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        if (query.input().get(FACTS) instanceof Map<?, ?> stated) {
            stated.forEach((k, v) -> facts.put(String.valueOf(k), v));
        }
        boolean added = false;
        for (DecisionFacts source : sources) {
            for (Map.Entry<String, List<Map<String, Object>>> e : source.facts(query).entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                List<Object> merged = new ArrayList<>();
                if (facts.get(e.getKey()) instanceof List<?> existing) {
                    merged.addAll(existing);
                }
                merged.addAll(e.getValue());
                facts.put(e.getKey(), merged);
                added = true;
            }
        }
        if (!added) {
            return query;
        }
        Map<String, Object> input = new LinkedHashMap<>(query.input());
        input.put(FACTS, facts);
        return new PolicyQuery(query.entryPoint(), query.subject(), input);
    }
}
