package org.dataembassy.portal.policy;

/**
 * Why a decision came out as it did.
 *
 * @param code      stable machine code, e.g. {@code CLASSIFICATION_NOT_PERMITTED}
 * @param message   sentence for the person reading the decision
 * @param article   treaty article the reason comes from, or "-" when none applies
 * @param agreement agreement id, or "-"
 */
public record Reason(String code, String message, String article, String agreement) {

    public static final String ENGINE_UNAVAILABLE = "POLICY_ENGINE_UNAVAILABLE";

    static Reason unavailable(String detail) {
        return new Reason(ENGINE_UNAVAILABLE, "policy engine unavailable: " + detail, "-", "-");
    }
}
