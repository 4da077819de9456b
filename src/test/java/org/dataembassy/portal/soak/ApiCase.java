package org.dataembassy.portal.soak;

import java.util.Set;

/**
 * One kind of API request the decision clients send: what they send, which statuses are right, and for a
 * decision the outcome the seed agreement gives (null: any).
 */
record ApiCase(String name, String method, String path, String body, String contentType, Set<Integer> expected,
               String outcome) {

    static ApiCase decision(String entryPoint, String input, String outcome) {
        return new ApiCase("api:decision", "POST", "/api/decisions/" + entryPoint, "{\"input\": " + input + "}",
                "application/json", Set.of(200), outcome);
    }

    static ApiCase malformed(String path, String body, String contentType, Integer... expected) {
        return new ApiCase("api:malformed", body == null ? "GET" : "POST", path, body, contentType, Set.of(expected), null);
    }
}
