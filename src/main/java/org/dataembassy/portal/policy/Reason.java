package org.dataembassy.portal.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a decision came out as it did.
 *
 * @param code      stable machine code, e.g. {@code CLASSIFICATION_NOT_PERMITTED}
 * @param message   sentence for the person reading the decision
 * @param article   treaty article the reason comes from; "-" when none applies (a portal reason), "" when the
 *                  clause it comes from names no article (terms of schema_version 2)
 * @param agreement agreement id, or "-"
 * @param clause    the clause of the terms the reason comes from ({@code host_access.exceptions.fire}); null for
 *                  rules that do not say (terms of schema_version 1)
 * @param origin    {@code treaty} (the agreement says so) or {@code portal} (a safeguard of the portal); null for
 *                  rules that do not say
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reason(String code, String message, String article, String agreement, String clause, String origin) {

    public static final String ENGINE_UNAVAILABLE = "POLICY_ENGINE_UNAVAILABLE";

    /** A reason of rules that name neither clause nor origin (terms of schema_version 1). */
    public Reason(String code, String message, String article, String agreement) {
        this(code, message, article, agreement, null, null);
    }

    static Reason unavailable(String detail) {
        return new Reason(ENGINE_UNAVAILABLE, "policy engine unavailable: " + detail, "-", "-", "-", "portal");
    }
}
