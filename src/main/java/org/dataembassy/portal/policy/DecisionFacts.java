package org.dataembassy.portal.policy;

import java.util.List;
import java.util.Map;

/**
 * A source of facts every treaty decision sees ({@code input.facts}): the host state's situation recorded by
 * jurisdiction reviews, the activations of an agreement, the duties the tracker recorded as fulfilled. The portal
 * merges them into the input before asking OPA and records the merged input, so a replay judges on the same facts.
 * Facts a caller states (a what-if) are kept; recorded facts are always added, so no caller can leave one out.
 */
public interface DecisionFacts {

    /**
     * Facts for the decision {@code query} asks (its entry point and input, {@code at} included), by key of
     * {@code input.facts}: lists are appended to what the input already states. Empty when none apply. Throwing
     * makes the decision a fail-closed deny (the facts could not be read).
     */
    Map<String, List<Map<String, Object>>> facts(PolicyQuery query);
}
