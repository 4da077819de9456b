package org.dataembassy.portal.soak;

import java.util.List;

/**
 * The requests of the decision clients: decisions of every entry point against the seed agreement {@code ee_lu},
 * and one in five malformed (bad JSON, wrong types, wrong media type, unknown entry points and paths, an
 * oversized value). Malformed requests must be refused with a 4xx, never a 5xx.
 */
final class DecisionMix {

    private static final String PLAIN = "{\"classification\": \"INTERNAL\", \"personal_data\": false, \"register\": \"\"}";

    static final List<ApiCase> DECISIONS = List.of(
            ApiCase.decision("onboarding", "{\"agreement\": \"ee_lu\", \"dataset\": " + PLAIN + "}", "ALLOW"),
            ApiCase.decision("onboarding", "{\"agreement\": \"ee_lu\", \"dataset\": {\"classification\": \"TOP_SECRET\", "
                    + "\"personal_data\": false, \"register\": \"\"}}", "DENY"),
            ApiCase.decision("onboarding", "{\"agreement\": \"ee_lu\", \"dataset\": {\"classification\": \"CONFIDENTIAL\", "
                    + "\"personal_data\": true, \"register\": \"\"}}", "REVIEW_REQUIRED"),
            ApiCase.decision("transfer", "{\"agreement\": \"ee_lu\", \"dataset\": " + PLAIN + ", \"transfer\": {\"from_site\": "
                    + "\"home-ee\", \"to_site\": \"embassy-lu\", \"purpose\": \"replication\", \"recipient_state\": \"EE\"}}", "ALLOW"),
            ApiCase.decision("transfer", "{\"agreement\": \"ee_lu\", \"dataset\": " + PLAIN + ", \"transfer\": {\"from_site\": "
                    + "\"home-ee\", \"to_site\": \"embassy-mc\", \"purpose\": \"replication\", \"recipient_state\": \"EE\"}}", "DENY"),
            ApiCase.decision("jurisdiction", "{\"agreement\": \"ee_lu\", \"request\": {\"kind\": \"entry\", \"requesting_state\": "
                    + "\"LU\", \"emergency\": \"fire\", \"consent_by\": \"originating_state_authorised_representative\", "
                    + "\"notified_within_hours\": 5}}", "REVIEW_REQUIRED"),
            ApiCase.decision("activation", "{\"agreement\": \"ee_lu\", \"stage\": \"trigger\"}", "DENY"));

    static final List<ApiCase> MALFORMED = List.of(
            ApiCase.malformed("/api/decisions/onboarding", "{\"input\": {", "application/json", 400),
            ApiCase.malformed("/api/decisions/onboarding", "{\"input\": \"text\"}", "application/json", 400),
            ApiCase.malformed("/api/decisions/onboarding", "{\"input\": [1, 2]}", "application/json", 400),
            ApiCase.malformed("/api/decisions/onboarding", "{}", "application/json", 400),
            ApiCase.malformed("/api/decisions/onboarding", "{\"input\": {\"agreement\": null}}", "application/json", 400),
            // wrong types inside the input: the policy judges them (a deny), the API does not fail
            ApiCase.malformed("/api/decisions/onboarding", "{\"input\": {\"agreement\": 42, \"dataset\": {\"classification\": "
                    + "true, \"personal_data\": \"yes\"}}}", "application/json", 200),
            ApiCase.malformed("/api/decisions/onboarding", "{\"input\": {\"agreement\": \"ee_lu\", \"at\": \"not-a-date\", "
                    + "\"dataset\": " + PLAIN + "}}", "application/json", 200),
            ApiCase.malformed("/api/decisions/onboarding", "input=plain", "text/plain", 415),
            ApiCase.malformed("/api/decisions/mind-reading", "{\"input\": {}}", "application/json", 404),
            // an agreement no key can be (keys are at most 40 characters), long enough to overflow a record's subject
            ApiCase.malformed("/api/decisions/onboarding", "{\"input\": {\"agreement\": \"" + "x".repeat(500)
                    + "\", \"dataset\": " + PLAIN + "}}", "application/json", 400),
            // unknown paths: refused (a legal officer's role reaches only the documented API)
            ApiCase.malformed("/api/soak-no-such-path", null, null, 403, 404),
            ApiCase.malformed("/api/agreements/zz_zz/versions", null, null, 404));

    private DecisionMix() {
    }

    /** The i-th request of a client: four decisions, then one malformed request, round and round. */
    static ApiCase nth(long i) {
        if (i % 5 == 4) {
            return MALFORMED.get((int) ((i / 5) % MALFORMED.size()));
        }
        return DECISIONS.get((int) (i % DECISIONS.size()));
    }
}
