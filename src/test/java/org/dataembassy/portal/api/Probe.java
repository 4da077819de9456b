package org.dataembassy.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One malformed request of the suite: which family made it, for which endpoint, as whom ({@code null}: nobody signed
 * in), what is sent, and the statuses that count as the right refusal. {@code raw} requests go over a plain socket
 * as given (for what an HTTP client library refuses to send).
 */
record Probe(String family, String endpoint, String user, String method, String path, Map<String, String> headers,
             byte[] body, boolean chunked, boolean csrf, byte[] raw, Set<Integer> expected) {

    static final String JSON = "application/json";

    static Probe of(String family, String endpoint, String user, String method, String path, byte[] body,
            Set<Integer> expected) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", JSON);
        }
        return new Probe(family, endpoint, user, method, path, headers, body, false, !"GET".equals(method), null, expected);
    }

    static Probe raw(String family, byte[] request, Set<Integer> expected) {
        return new Probe(family, "(web server)", null, "RAW", "", Map.of(), null, false, false, request, expected);
    }

    Probe withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return new Probe(family, endpoint, user, method, path, copy, body, chunked, csrf, raw, expected);
    }

    Probe sentChunked() {
        return new Probe(family, endpoint, user, method, path, headers, body, true, csrf, raw, expected);
    }

    Probe withoutCsrf() {
        return new Probe(family, endpoint, user, method, path, headers, body, chunked, false, raw, expected);
    }

    Probe as(String who) {
        return new Probe(family, endpoint, who, method, path, headers, body, chunked, csrf, raw, expected);
    }
}
