package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyTestResult;
import org.dataembassy.portal.policy.PolicyTestRun;

/**
 * Reads what OPA printed about one tree: compile errors (JSON from {@code check} and {@code eval}, the text
 * {@code opa test} prints instead), test verdicts and coverage. Every file name and message passes through
 * {@link TreePaths}, so no server folder reaches a legal officer, and "undefined function" for a builtin the
 * sandbox removed reads as {@link SandboxCapabilities#explain why it is not available}.
 */
final class OpaOutput {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code 1 error occurred: a/b.rego:3: rego_type_error: undefined function http.send}, one per line. */
    private static final Pattern TEXT_ERROR = Pattern.compile("(?m)(?:^|: )([^\\s:]+):(\\d+): ([a-z_]+): (.*)$");
    /** {@code 1 error occurred during loading: a/data.json: unexpected EOF}: a file but no line. */
    private static final Pattern LOAD_ERROR = Pattern.compile("(?m)(?:^|: )([^\\s:]+\\.(?:json|yaml|yml|rego)): (.+)$");
    private static final Pattern FMT_ERROR = Pattern.compile("stdin:(\\d+): ([a-z_]+): ([^\\n]*)");

    private final TreePaths paths;
    private final SandboxCapabilities rules;

    OpaOutput(TreePaths paths, SandboxCapabilities rules) {
        this.paths = paths;
        this.rules = rules;
    }

    List<PolicyProblem> problems(OpaProcess.Result result) {
        List<PolicyProblem> found = new ArrayList<>();
        for (String text : List.of(result.stdout(), result.stderr())) {
            String trimmed = text.strip();
            if (!trimmed.startsWith("{")) {
                continue;
            }
            try {
                for (JsonNode error : JSON.readTree(trimmed).path("errors")) {
                    JsonNode at = error.path("location");
                    found.add(problem(at.path("file").asText(""), at.path("row").asInt(0), at.path("col").asInt(0),
                            error.path("code").asText("opa_error"), error.path("message").asText("")));
                }
            } catch (IOException e) {
                // not JSON after all: the text forms below
            }
        }
        if (found.isEmpty()) {
            Matcher m = TEXT_ERROR.matcher(result.stderr() + "\n" + result.stdout());
            while (m.find()) {
                found.add(problem(m.group(1), Integer.parseInt(m.group(2)), 0, m.group(3), m.group(4).strip()));
            }
        }
        if (found.isEmpty()) {
            Matcher m = LOAD_ERROR.matcher(result.stderr() + "\n" + result.stdout());
            while (m.find()) {
                found.add(problem(m.group(1), 0, 0, "opa_load_error", m.group(2).strip()));
            }
        }
        if (found.isEmpty()) {
            String message = (result.stderr() + result.stdout()).strip();
            found.add(new PolicyProblem("", 0, 0, "opa_error", message.isEmpty()
                    ? "opa exited with status " + result.exit() : paths.text(message)));
        }
        return found;
    }

    private PolicyProblem problem(String file, int line, int column, String code, String message) {
        return new PolicyProblem(paths.file(file), line, column, code,
                rules.explain(message).orElseGet(() -> paths.text(message)));
    }

    /** {@code 1 error occurred: stdin:3: rego_parse_error: unexpected eof token} → a problem at line 3. */
    static List<PolicyProblem> fmtErrors(String file, String stderr) {
        List<PolicyProblem> found = new ArrayList<>();
        Matcher matcher = FMT_ERROR.matcher(stderr);
        while (matcher.find()) {
            found.add(new PolicyProblem(file, Integer.parseInt(matcher.group(1)), 0, matcher.group(2), matcher.group(3)));
        }
        if (found.isEmpty()) {
            found.add(new PolicyProblem(file, 0, 0, "opa_fmt_error", stderr.strip()));
        }
        return found;
    }

    List<PolicyTestResult> results(OpaProcess.Result result) {
        List<PolicyTestResult> found = new ArrayList<>();
        try {
            for (JsonNode test : JSON.readTree(result.stdout())) {
                boolean failed = test.path("fail").asBoolean(false) || test.has("error");
                String message = test.has("error") ? test.path("error").path("message").asText(test.path("error").toString())
                        : failed ? "the test evaluated to false" : "";
                found.add(new PolicyTestResult(test.path("package").asText(""), test.path("name").asText(""),
                        paths.file(test.path("location").path("file").asText("")),
                        test.path("location").path("row").asInt(0), !failed, paths.text(message),
                        test.path("duration").asLong(0)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("opa test printed no JSON: " + paths.text(result.stderr().strip()), e);
        }
        return found;
    }

    Map<String, PolicyTestRun.LineCoverage> coverage(OpaProcess.Result result) {
        Map<String, PolicyTestRun.LineCoverage> byFile = new LinkedHashMap<>();
        try {
            var files = JSON.readTree(result.stdout()).path("files").fields();
            while (files.hasNext()) {
                var file = files.next();
                byFile.put(paths.file(file.getKey()), new PolicyTestRun.LineCoverage(
                        lines(file.getValue().path("covered")), lines(file.getValue().path("not_covered"))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("opa test --coverage printed no JSON", e);
        }
        return byFile;
    }

    private static Set<Integer> lines(JsonNode ranges) {
        Set<Integer> lines = new HashSet<>();
        for (JsonNode range : ranges) {
            for (int row = range.path("start").path("row").asInt(); row <= range.path("end").path("row").asInt(); row++) {
                lines.add(row);
            }
        }
        return lines;
    }
}
