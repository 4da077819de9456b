package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.dataembassy.portal.shared.CountryCode;

/**
 * What every agreement's terms say of themselves, whatever their schema version: the id the key gives, a title, two
 * different parties by ISO 3166-1 alpha-2 code. The user-assigned codes XA to XZ (which denote no country) are accepted
 * only where the caller allows them (terms of schema_version 2 marked {@code "fictional": true}).
 */
final class TermsIdentity {

    /** The parties' codes; null for a party whose code was refused. */
    record Parties(String originating, String host) {
    }

    private TermsIdentity() {
    }

    static Parties check(String key, JsonNode terms, boolean fictionalCodes, Map<String, String> errors) {
        String id = key.replace('_', '-');
        if (!id.equals(terms.path("id").asText())) {
            errors.put("terms.id", "must be \"" + id + "\" (the agreement key with hyphens)");
        }
        String title = terms.path("title").asText("");
        if (title.isBlank()) {
            errors.put("terms.title", "required");
        } else if (title.length() > RegistryLimits.TITLE) {
            errors.put("terms.title", RegistryLimits.atMost(RegistryLimits.TITLE));
        }
        String originating = party(terms, "originating_state", fictionalCodes, errors);
        String host = party(terms, "host_state", fictionalCodes, errors);
        if (originating != null && originating.equals(host)) {
            errors.put("terms.parties.host_state", "must differ from the originating state");
        }
        return new Parties(originating, host);
    }

    private static String party(JsonNode terms, String party, boolean fictionalCodes, Map<String, String> errors) {
        String code = terms.path("parties").path(party).asText("");
        if (fictionalCodes && isTestCode(code)) {
            return code;
        }
        if (isCountry(code)) {
            return code;
        }
        errors.put("terms.parties." + party, unknownCountry(code));
        return null;
    }

    /** A user-assigned code a fictional agreement may use for a party: XA to XZ. */
    static boolean isTestCode(String code) {
        return code != null && code.matches("X[A-Z]");
    }

    static boolean isCountry(String code) {
        try {
            return new CountryCode(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String unknownCountry(String code) {
        return code.isBlank() ? "required: an ISO 3166-1 alpha-2 code such as EE"
                : "\"" + code + "\" is not an ISO 3166-1 alpha-2 country code";
    }
}
