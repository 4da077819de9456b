package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.dataembassy.portal.policy.FormattedRego;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyTestResult;
import org.dataembassy.portal.policy.PolicyTestRun;
import org.dataembassy.portal.policy.PolicyTree;

/**
 * Runs the OPA command line ({@code check}, {@code fmt}, {@code test}, {@code eval}) on policy trees, and turns
 * its output into typed results. The same binary as the supervised server, so what passes here compiles there.
 *
 * <p>Sandboxed, because the trees are drafts written by legal officers: each tree is written to an owner-only
 * folder of {@link OpaSandbox}, OPA runs there with an empty environment ({@link OpaProcess}), and every
 * command that compiles or evaluates uses the sandbox capabilities, so a rule or test calling a removed builtin
 * ({@code http.send}, {@code opa.runtime}, {@code time.now_ns} …) fails to compile instead of running. What OPA
 * says comes back with paths relative to the tree ({@link OpaOutput}).
 */
public final class OpaCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path binary;
    private final Duration timeout;
    private final OpaSandbox sandbox;

    public OpaCommands(Path binary, Duration timeout, OpaSandbox sandbox) {
        this.binary = binary;
        this.timeout = timeout;
        this.sandbox = sandbox;
    }

    /** {@code opa check --strict}: compile errors with file, line and column; empty when the tree compiles. */
    public List<PolicyProblem> check(PolicyTree tree) {
        return withTree(tree, (dir, output) -> {
            OpaProcess.Result result = opa(dir, null, "check", "--strict", "--capabilities", capabilities(),
                    "--format", "json", ".");
            return result.exit() == 0 ? List.of() : output.problems(result);
        });
    }

    /** {@link #check} of bundle files exactly as they are about to be signed (the gate of {@link PolicyBundles}). */
    public List<PolicyProblem> checkBundle(SortedMap<String, byte[]> files) {
        SortedMap<String, String> text = new TreeMap<>();
        files.forEach((path, bytes) -> text.put(path, new String(bytes, StandardCharsets.UTF_8)));
        return check(new PolicyTree(text));
    }

    /** {@code opa fmt} of one Rego source; compile errors come back as problems in {@code file}. */
    public FormattedRego format(String file, String source) {
        OpaProcess.Result result = OpaProcess.run(binary, List.of("fmt"), sandbox.root(),
                source.getBytes(StandardCharsets.UTF_8), timeout);
        if (result.exit() == 0) {
            return new FormattedRego(result.stdout(), List.of());
        }
        return new FormattedRego(source, OpaOutput.fmtErrors(file, result.stderr()));
    }

    /**
     * {@code opa test}, optionally only tests whose full name matches {@code run} (a regex), then coverage of the
     * tests that passed (OPA prints no coverage report when a test fails, so failing tests are left out of it).
     */
    public PolicyTestRun test(PolicyTree tree, String run) {
        return withTree(tree, (dir, output) -> {
            OpaProcess.Result verdicts = opa(dir, null, withRun(run, "test", "--capabilities", capabilities(),
                    "--format", "json", "."));
            if (!verdicts.stdout().strip().startsWith("[")) {
                return new PolicyTestRun(List.of(), Map.of(), output.problems(verdicts));
            }
            List<PolicyTestResult> results = output.results(verdicts);
            List<String> passed = results.stream().filter(PolicyTestResult::passed)
                    .map(r -> Pattern.quote(r.packageName() + "." + r.name())).toList();
            if (passed.isEmpty()) {
                return new PolicyTestRun(results, Map.of(), List.of());
            }
            OpaProcess.Result coverageRun = opa(dir, null, withRun("^(" + String.join("|", passed) + ")$", "test",
                    "--capabilities", capabilities(), "--format", "json", "--coverage", "."));
            return new PolicyTestRun(results, coverageRun.stdout().strip().startsWith("{")
                    ? output.coverage(coverageRun) : Map.of(), List.of());
        });
    }

    /**
     * Evaluates {@code query} against the tree with this input (given to OPA on stdin); returns the
     * {@code result} binding. Used for batch replays ({@code [d | some c in input.cases; d := … with input as c]})
     * and contract checks. A tree that does not compile (a removed builtin included) is refused with its problems.
     */
    public JsonNode eval(PolicyTree tree, String query, Object input) {
        return withTree(tree, (dir, output) -> {
            OpaProcess.Result result = opa(dir, JSON.writeValueAsBytes(input), "eval", "--capabilities", capabilities(),
                    "--format", "json", "--bundle", ".", "--stdin-input", "result := " + query);
            if (result.exit() != 0) {
                throw new PolicyRejectedException("the policy could not be evaluated", output.problems(result));
            }
            return JSON.readTree(result.stdout()).path("result").path(0).path("bindings").path("result");
        });
    }

    // ------------------------------------------------------------------ processes and folders

    private interface TreeWork<T> {
        T apply(Path dir, OpaOutput output) throws IOException;
    }

    private <T> T withTree(PolicyTree tree, TreeWork<T> work) {
        Path dir = null;
        try {
            dir = sandbox.newTreeFolder();
            for (Map.Entry<String, String> file : tree.files().entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalArgumentException("path leaves the policy tree: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return work.apply(dir, new OpaOutput(new TreePaths(dir, sandbox.root()), sandbox.rules()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the policy tree to the OPA sandbox", e);
        } finally {
            if (dir != null) {
                OpaSandbox.delete(dir);
            }
        }
    }

    private String capabilities() {
        return sandbox.capabilities().toString();
    }

    private static List<String> withRun(String run, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (run != null && !run.isBlank()) {
            all.add("--run");
            all.add(run);
        }
        return all;
    }

    private OpaProcess.Result opa(Path dir, byte[] stdin, String... args) {
        return opa(dir, stdin, List.of(args));
    }

    private OpaProcess.Result opa(Path dir, byte[] stdin, List<String> args) {
        return OpaProcess.run(binary, args, dir, stdin, timeout);
    }
}
