package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Optional;
import org.dataembassy.portal.agreements.AgreementMeasure;

/**
 * Writes the outcome of a jurisdiction review into an agreement's terms, where the generic treaty rules read
 * it. Terms of schema_version 1: a restriction as {@code terms.restrictions} (transfer_review AGREEMENT_RESTRICTED),
 * a suspension as the lifecycle status SUSPENDED with its date (lifecycle_deny AGREEMENT_NOT_IN_FORCE). Terms of
 * schema_version 2: a restriction as a dated measure ({@code measures.restrictions[]}, every transfer reviewed), a
 * suspension as a history entry from that day for every operation except those the suspension clause never
 * suspends.
 */
public final class JurisdictionMeasures {

    private JurisdictionMeasures() {
    }

    /** True when the terms are restricted by a jurisdiction review. */
    public static boolean restricted(String termsJson) {
        JsonNode terms = TermsJson.parseOrEmpty(termsJson);
        if (TermsJson.schemaVersion(terms) == 2) {
            for (JsonNode r : terms.path("measures").path("restrictions")) {
                if (r.path("code").asText().equals(RESTRICTED) && r.path("until").isMissingNode()) {
                    return true;
                }
            }
            return false;
        }
        return terms.path("restrictions").path("new_transfers_require_review").asBoolean(false);
    }

    static final String RESTRICTED = "AGREEMENT_RESTRICTED";

    /** The terms with the measure applied on {@code day}; empty when they already carry it (nothing to publish). */
    public static Optional<String> apply(String termsJson, AgreementMeasure measure, LocalDate day, String reference) {
        JsonNode parsed = TermsJson.parseOrEmpty(termsJson);
        if (!(parsed instanceof ObjectNode terms)) {
            throw new IllegalArgumentException("terms are not a JSON object");
        }
        ObjectNode copy = terms.deepCopy();
        if (TermsJson.schemaVersion(copy) == 2) {
            return applyV2(termsJson, copy, measure, day, reference);
        }
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

    private static Optional<String> applyV2(String termsJson, ObjectNode copy, AgreementMeasure measure, LocalDate day,
                                            String reference) {
        switch (measure) {
            case RESTRICT -> {
                if (restricted(termsJson)) {
                    return Optional.empty();
                }
                ArrayNode restrictions = copy.with("measures").withArray("restrictions");
                ObjectNode r = restrictions.addObject();
                r.put("id", "jr" + (restrictions.size()));
                r.put("from", day.toString());
                r.putArray("scope").add("transfer");
                r.put("effect", "review");
                r.put("code", RESTRICTED);
                r.put("clause", "suspension");
                r.put("reference", reference);
                r.put("message", "a jurisdiction review restricted the agreement: every transfer needs a legal officer's review");
            }
            case SUSPEND -> {
                if ("SUSPENDED".equals(TermsJson.lifecycle(copy, day))) {
                    return Optional.empty();
                }
                ArrayNode history = copy.with("lifecycle").withArray("history");
                LocalDate from = day;
                for (JsonNode e : history) {
                    LocalDate at = LocalDate.parse(e.path("from").asText());
                    if (at.isAfter(from)) {
                        from = at; // a suspension cannot predate the entry before it
                    }
                }
                ObjectNode entry = history.addObject();
                entry.put("status", "SUSPENDED");
                entry.put("from", from.toString());
                entry.putArray("scope").add("*");
                entry.put("clause", "suspension");
                entry.put("reference", reference);
            }
        }
        return Optional.of(TermsJson.pretty(copy));
    }
}
