package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;
import org.dataembassy.portal.agreements.AgreementMeasure;

/**
 * Writes the outcome of a jurisdiction review into an agreement's terms, where the generic treaty rules read
 * it: a restriction as {@code terms.restrictions} (transfer_review AGREEMENT_RESTRICTED), a suspension as the
 * lifecycle status SUSPENDED with its date (lifecycle_deny AGREEMENT_NOT_IN_FORCE).
 */
public final class JurisdictionMeasures {

    private JurisdictionMeasures() {
    }

    /** True when the terms are restricted by a jurisdiction review. */
    public static boolean restricted(String termsJson) {
        return TermsJson.parseOrEmpty(termsJson).path("restrictions").path("new_transfers_require_review").asBoolean(false);
    }

    /** The terms with the measure applied on {@code day}; empty when they already carry it (nothing to publish). */
    public static Optional<String> apply(String termsJson, AgreementMeasure measure, LocalDate day, String reference) {
        JsonNode parsed = TermsJson.parseOrEmpty(termsJson);
        if (!(parsed instanceof ObjectNode terms)) {
            throw new IllegalArgumentException("terms are not a JSON object");
        }
        ObjectNode copy = terms.deepCopy();
        switch (measure) {
            case RESTRICT -> {
                if (restricted(termsJson)) {
                    return Optional.empty();
                }
                ObjectNode restrictions = copy.putObject("restrictions");
                restrictions.put("new_transfers_require_review", true);
                restrictions.put("since", day.toString());
                restrictions.put("reference", reference);
            }
            case SUSPEND -> {
                if ("SUSPENDED".equals(TermsJson.lifecycle(copy))) {
                    return Optional.empty();
                }
                ObjectNode lifecycle = copy.with("lifecycle");
                LocalDate from = day;
                String inForce = lifecycle.path("in_force_from").asText("");
                if (!inForce.isEmpty() && LocalDate.parse(inForce).isAfter(day)) {
                    from = LocalDate.parse(inForce); // a suspension cannot predate entry into force
                }
                lifecycle.put("status", "SUSPENDED");
                lifecycle.put("suspended_from", from.toString());
            }
        }
        return Optional.of(TermsJson.pretty(copy));
    }
}
