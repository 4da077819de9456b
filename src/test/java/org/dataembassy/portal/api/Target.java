package org.dataembassy.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and as whom the suite aims at an endpoint: values that make a well-formed request act on the suite's own
 * agreement (so a malformed request that slipped through would change something the suite compares).
 */
record Target(ApiEndpoint endpoint, String user, Map<String, String> pathValues, Map<String, String> queryValues,
              String validBody) {

    String path() {
        return path(pathValues, queryValues);
    }

    String path(Map<String, String> variables, Map<String, String> query) {
        String path = endpoint.pattern();
        for (Map.Entry<String, String> v : variables.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        StringBuilder q = new StringBuilder();
        query.forEach((name, value) -> q.append(q.isEmpty() ? "?" : "&").append(name).append('=').append(value));
        return path + q;
    }

    String withVariable(String name, String value) {
        Map<String, String> variables = new LinkedHashMap<>(pathValues);
        variables.put(name, value);
        return path(variables, queryValues);
    }

    /** The path with one query parameter set to {@code value} ({@code null}: left out). */
    String withQuery(String name, String value) {
        Map<String, String> query = new LinkedHashMap<>(queryValues);
        if (value == null) {
            query.remove(name);
        } else {
            query.put(name, value);
        }
        return path(pathValues, query);
    }
}
