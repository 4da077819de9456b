package org.dataembassy.portal.activation.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.dataembassy.portal.activation.ActivationProperties;
import org.springframework.stereotype.Component;

/** The emergency committee roster ({@code dataembassy.activation.committee}): member → treaty role. */
@Component
public class Committee {

    private final Map<String, String> roster;

    Committee(ActivationProperties properties) {
        this.roster = new TreeMap<>(properties.committee());
    }

    public Optional<String> roleOf(String member) {
        return Optional.ofNullable(roster.get(member));
    }

    /** Members in name order with their treaty roles. */
    public Map<String, String> members() {
        return roster;
    }
}
