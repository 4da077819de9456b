package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dataembassy.portal.policy.FormattedRego;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyTestResult;
import org.dataembassy.portal.policy.PolicyTestRun;
import org.dataembassy.portal.policy.PolicyTree;

/**
 * Runs the OPA command line ({@code check}, {@code fmt}, {@code test}, {@code eval}) on policy trees written to
 * a private temporary folder, and turns its JSON output into typed results. The same binary as the
 * supervised server, so what passes here compiles there.
 */
public final class OpaCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path binary;
    private final Duration timeout;

    public OpaCommands(Path binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    /** {@code opa check --strict}: compile errors with file, line and column; empty when the tree compiles. */
    public List<PolicyProblem> check(PolicyTree tree) {
        return withTree(tree, dir -> {
            Result result = run(null, "check", "--strict", "--format", "json", dir.toString());
            return result.exit() == 0 ? List.of() : problems(result, dir);
        });
    }

    /** {@code opa fmt} of one Rego source; compile errors come back as problems in {@code file}. */
    public FormattedRego format(String file, String source) {
        Result result = run(source.getBytes(StandardCharsets.UTF_8), "fmt");
        if (result.exit() == 0) {
            return new FormattedRego(result.stdout(), List.of());
        }
        return new FormattedRego(source, parseFmtErrors(file, result.stderr()));
    }

    /**
     * {@code opa test}, optionally only tests whose full name matches {@code run} (a regex), then coverage of the
     * tests that passed (OPA prints no coverage report when a test fails, so failing tests are left out of it).
     */
    public PolicyTestRun test(PolicyTree tree, String run) {
        return withTree(tree, dir -> {
            Result verdicts = runArgs(null, new ArrayList<>(List.of("test", "--format", "json", dir.toString())), run);
            if (!verdicts.stdout().strip().startsWith("[")) {
                return new PolicyTestRun(List.of(), Map.of(), problems(verdicts, dir));
            }
            List<PolicyTestResult> results = results(verdicts, dir);
            List<String> passed = results.stream().filter(PolicyTestResult::passed)
                    .map(r -> java.util.regex.Pattern.quote(r.packageName() + "." + r.name())).toList();
            if (passed.isEmpty()) {
                return new PolicyTestRun(results, Map.of(), List.of());
            }
            Result coverageRun = runArgs(null, new ArrayList<>(List.of("test", "--format", "json", "--coverage",
                    dir.toString())), "^(" + String.join("|", passed) + ")$");
            return new PolicyTestRun(results, coverageRun.stdout().strip().startsWith("{")
                    ? coverage(coverageRun, dir) : Map.of(), List.of());
        });
    }

    /**
     * Evaluates {@code query} against the tree with this input; returns the {@code result} binding. Used for
     * batch replays ({@code [d | some c in input.cases; d := … with input as c]}) and contract checks.
     */
    public JsonNode eval(PolicyTree tree, String query, Object input) {
        return withTree(tree, dir -> {
            Path inputFile = dir.resolveSibling(dir.getFileName() + "-input.json");
            try {
                JSON.writeValue(inputFile.toFile(), input);
                Result result = run(null, "eval", "--format", "json", "--bundle", dir.toString(), "--input",
                        inputFile.toString(), "result := " + query);
                if (result.exit() != 0) {
                    List<PolicyProblem> problems = problems(result, dir);
                    throw new IllegalStateException("opa eval failed: " + (problems.isEmpty()
                            ? result.stderr().strip() : problems.get(0)));
                }
                return JSON.readTree(result.stdout()).path("result").path(0).path("bindings").path("result");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deleteQuietly(inputFile);
            }
        });
    }

    // ------------------------------------------------------------------ parsing

    private static List<PolicyProblem> problems(Result result, Path dir) {
        List<PolicyProblem> found = new ArrayList<>();
        for (String text : List.of(result.stdout(), result.stderr())) {
            String trimmed = text.strip();
            if (!trimmed.startsWith("{")) {
                continue;
            }
            try {
                for (JsonNode error : JSON.readTree(trimmed).path("errors")) {
                    JsonNode at = error.path("location");
                    found.add(new PolicyProblem(relative(at.path("file").asText(""), dir), at.path("row").asInt(0),
                            at.path("col").asInt(0), error.path("code").asText("opa_error"),
                            error.path("message").asText("")));
                }
            } catch (IOException e) {
                // not JSON after all: fall through to the plain-text report below
            }
        }
        if (found.isEmpty()) {
            String message = (result.stderr() + result.stdout()).strip();
            found.add(new PolicyProblem("", 0, 0, "opa_error", message.isEmpty()
                    ? "opa exited with status " + result.exit() : message.replace(dir + "/", "")));
        }
        return found;
    }

    /** {@code 1 error occurred: stdin:3: rego_parse_error: unexpected eof token} → a problem at line 3. */
    static List<PolicyProblem> parseFmtErrors(String file, String stderr) {
        List<PolicyProblem> found = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("stdin:(\\d+): ([a-z_]+): ([^\\n]*)").matcher(stderr);
        while (matcher.find()) {
            found.add(new PolicyProblem(file, Integer.parseInt(matcher.group(1)), 0, matcher.group(2), matcher.group(3)));
        }
        if (found.isEmpty()) {
            found.add(new PolicyProblem(file, 0, 0, "opa_fmt_error", stderr.strip()));
        }
        return found;
    }

    private static List<PolicyTestResult> results(Result result, Path dir) {
        List<PolicyTestResult> found = new ArrayList<>();
        try {
            for (JsonNode test : JSON.readTree(result.stdout())) {
                boolean failed = test.path("fail").asBoolean(false) || test.has("error");
                String message = test.has("error") ? test.path("error").path("message").asText(test.path("error").toString())
                        : failed ? "the test evaluated to false" : "";
                found.add(new PolicyTestResult(test.path("package").asText(""), test.path("name").asText(""),
                        relative(test.path("location").path("file").asText(""), dir),
                        test.path("location").path("row").asInt(0), !failed, message,
                        test.path("duration").asLong(0)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("opa test printed no JSON: " + result.stderr().strip(), e);
        }
        return found;
    }

    private static Map<String, PolicyTestRun.LineCoverage> coverage(Result result, Path dir) {
        Map<String, PolicyTestRun.LineCoverage> byFile = new LinkedHashMap<>();
        try {
            var files = JSON.readTree(result.stdout()).path("files").fields();
            while (files.hasNext()) {
                var file = files.next();
                byFile.put(relative(file.getKey(), dir), new PolicyTestRun.LineCoverage(
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

    private static String relative(String file, Path dir) {
        String prefix = dir.toString() + "/";
        return file.startsWith(prefix) ? file.substring(prefix.length()) : file;
    }

    // ------------------------------------------------------------------ processes and folders

    private interface TreeWork<T> {
        T apply(Path dir) throws IOException;
    }

    private <T> T withTree(PolicyTree tree, TreeWork<T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("policy-tree-");
            for (Map.Entry<String, String> file : tree.files().entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalArgumentException("path leaves the policy tree: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return work.apply(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the policy tree to a temporary folder", e);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    private Result run(byte[] stdin, String... args) {
        return runArgs(stdin, new ArrayList<>(List.of(args)), null);
    }

    private Result runArgs(byte[] stdin, List<String> args, String runFilter) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        if (runFilter != null && !runFilter.isBlank()) {
            command.add("--run");
            command.add(runFilter);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run OPA at " + binary + ": " + e.getMessage(), e);
        }
        try {
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("opa " + args.get(0) + " took longer than " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opa " + args.get(0) + " ran", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    record Result(int exit, String stdout, String stderr) {
    }
}
