package org.dataembassy.portal.policy;

import java.util.List;

/**
 * The portal's answer to "may this person take this action on this thing?" ({@code dataembassy.authz}).
 *
 * @param reasons why not, each a stable code (FOUR_EYES, ROLE_MISSING, NOT_THE_OWNER, ALREADY_VOTED,
 *                OTHER_STATE, ENGINE_UNAVAILABLE …) with a message for the person; empty when allowed
 */
public record AccessDecision(boolean allowed, List<Refusal> reasons) {

    public AccessDecision {
        reasons = List.copyOf(reasons);
        if (allowed && !reasons.isEmpty()) {
            throw new IllegalArgumentException("an allowed action has no refusal reasons");
        }
        if (!allowed && reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal says why");
        }
    }

    public record Refusal(String code, String message) {
    }

    public boolean refusedFor(String code) {
        return reasons.stream().anyMatch(r -> r.code().equals(code));
    }

    /** The reasons as one sentence for a person. */
    public String message() {
        return String.join(" ", reasons.stream().map(Refusal::message).toList());
    }
}
