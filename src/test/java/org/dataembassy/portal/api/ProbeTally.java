package org.dataembassy.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what the suite sent and got: requests by status, problem type and family, how many were 5xx, how many
 * were a complete problem+json ({@code type}, {@code title}, {@code status} equal to the response's), and every
 * answer that is not the refusal its family expects.
 */
final class ProbeTally {

    static final String PROBLEMS = "https://dataembassy.org/problems/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private int requests;
    private int serverErrors;
    private int problemJson;
    private final Map<String, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byType = new TreeMap<>();
    private final Map<String, Integer> byFamily = new TreeMap<>();
    private final Map<String, Integer> byEndpoint = new TreeMap<>();
    private final List<String> wrong = new ArrayList<>();

    void count(Probe probe, ProbeSender.Answer answer) {
        requests++;
        byStatus.merge(String.valueOf(answer.status()), 1, Integer::sum);
        byFamily.merge(probe.family(), 1, Integer::sum);
        byEndpoint.merge(probe.endpoint(), 1, Integer::sum);
        if (answer.status() >= 500) {
            serverErrors++;
        }
        String type = problemType(answer);
        if (type != null) {
            problemJson++;
            byType.merge(type.substring(PROBLEMS.length()), 1, Integer::sum);
        }
        if (type == null || !probe.expected().contains(answer.status())) {
            wrong.add(probe.family() + " " + probe.method() + " " + abbreviate(probe.path()) + " (" + probe.endpoint()
                    + ") → " + answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body()));
        }
    }

    /** The problem's type when the answer is a complete problem+json for its status, else null. */
    private static String problemType(ProbeSender.Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return null;
        }
        try {
            JsonNode body = JSON.readTree(answer.body());
            boolean complete = body.path("type").asText().startsWith(PROBLEMS) && !body.path("title").asText().isBlank()
                    && body.path("status").asInt() == answer.status();
            return complete ? body.get("type").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    int requests() {
        return requests;
    }

    int serverErrors() {
        return serverErrors;
    }

    int problemJson() {
        return problemJson;
    }

    List<String> wrong() {
        return wrong;
    }

    Map<String, Integer> byFamily() {
        return byFamily;
    }

    /** Writes the counts (and the state comparison) to {@code file} and returns the JSON. */
    String write(Path file, int endpoints, Map<String, Object> state) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("requests", requests);
        report.put("endpoints", endpoints);
        report.put("serverErrors", serverErrors);
        report.put("problemJson", problemJson);
        report.put("problemJsonShare", requests == 0 ? 0 : (double) problemJson / requests);
        report.put("notTheExpectedRefusal", wrong.size());
        report.put("byStatus", byStatus);
        report.put("byType", byType);
        report.put("byFamily", byFamily);
        report.put("byEndpoint", byEndpoint);
        report.put("state", state);
        report.put("unexpected", wrong.stream().limit(50).toList());
        String json = JSON.writeValueAsString(report);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return json;
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }
}
