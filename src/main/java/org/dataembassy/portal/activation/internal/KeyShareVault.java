package org.dataembassy.portal.activation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The committee's key shares for an activation, held in this portal's memory only — never in the database,
 * process variables, logs or audit details — from the approval until the restore step has used them (or the
 * activation ended). A restart loses them: the unseal step then fails and waits (see operations.md).
 */
@Component
public class KeyShareVault {

    private final Map<String, Map<String, String>> shares = new ConcurrentHashMap<>();

    public void put(String activationId, String member, String share) {
        shares.computeIfAbsent(activationId, k -> new ConcurrentHashMap<>()).put(member, share.strip());
    }

    /** The shares given for the activation, in no particular order. */
    public List<String> shares(String activationId) {
        return new ArrayList<>(shares.getOrDefault(activationId, Map.of()).values());
    }

    public int count(String activationId) {
        return shares.getOrDefault(activationId, Map.of()).size();
    }

    /** Drops every share of the activation. */
    public void wipe(String activationId) {
        Map<String, String> removed = shares.remove(activationId);
        if (removed != null) {
            removed.clear();
        }
    }
}
