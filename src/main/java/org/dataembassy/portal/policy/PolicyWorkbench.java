package org.dataembassy.portal.policy;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.stream.Stream;
import org.dataembassy.portal.policy.internal.BundleBuilder;
import org.dataembassy.portal.policy.internal.DecisionParser;
import org.dataembassy.portal.policy.internal.OpaCommands;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.dataembassy.portal.policy.internal.OpaProbe;
import org.dataembassy.portal.policy.internal.PolicyBundles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Works on policy trees with the real OPA: compile checks with line and column, {@code opa fmt}, tests with
 * coverage, evaluation of drafts (nothing recorded), the treaty contract check, and publishing — sign, serve,
 * and wait until OPA reports the new revision active. A tree that does not compile, breaks the contract or
 * is not activated in time is refused and the previously active bundle stays served.
 */
@Service
public class PolicyWorkbench {

    private static final Logger log = LoggerFactory.getLogger(PolicyWorkbench.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ACTIVATION_POLL = Duration.ofMillis(25);

    private final OpaCommands opa;
    private final PolicyBundles bundles;
    private final OpaEndpoint endpoint;
    private final OpaProbe probe;
    private final PolicyTree baseline;
    private final Object publishing = new Object();

    PolicyWorkbench(OpaCommands opa, PolicyBundles bundles, OpaEndpoint endpoint, OpaProbe probe) {
        this.opa = opa;
        this.bundles = bundles;
        this.endpoint = endpoint;
        this.probe = probe;
        this.baseline = readTree(bundles.sourceFolder());
    }

    /** The policy tree this portal was started with (the jar's {@code policies/} or the configured folder). */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public PolicyTree baseline() {
        return baseline;
    }

    /** Compile errors of the whole tree ({@code opa check --strict}); empty when it compiles. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN', 'SYSTEM')")
    public List<PolicyProblem> check(PolicyTree tree) {
        return opa.check(tree);
    }

    /** {@code opa fmt} of one Rego file; problems (with line) when it does not parse. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN', 'SYSTEM')")
    public FormattedRego format(String file, String source) {
        return opa.format(file, source);
    }

    /** Runs the tree's tests (only those whose full name matches {@code run}, when given) with coverage. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    public PolicyTestRun test(PolicyTree tree, String run) {
        return opa.test(tree, run);
    }

    /** The treaty contract's complaints about this tree ({@code data.dataembassy.contract.violations}). */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN', 'SYSTEM')")
    public List<String> contractViolations(PolicyTree tree) {
        JsonNode violations = opa.eval(tree, "data.dataembassy.contract.violations", Map.of());
        List<String> found = new ArrayList<>();
        violations.forEach(v -> found.add(v.asText()));
        return found;
    }

    /**
     * What {@code tree} decides at {@code entryPoint} for each input, in order. Nothing is recorded: this is for
     * replaying past inputs against a draft. An answer outside the decision contract is a deny, as in
     * {@link PolicyDecisions}.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN', 'SYSTEM')")
    public List<PolicyVerdict> evaluate(PolicyTree tree, String entryPoint, List<Map<String, Object>> inputs) {
        if (!entryPoint.matches("[a-z_]+(/[a-z_]+)*")) {
            throw new IllegalArgumentException("not an entry point: " + entryPoint);
        }
        if (inputs.isEmpty()) {
            return List.of();
        }
        String rule = "data." + entryPoint.replace('/', '.') + ".decision";
        JsonNode answers = opa.eval(tree, "[d | some c in input.cases; d := " + rule + " with input as c]",
                Map.of("cases", inputs));
        List<PolicyVerdict> verdicts = new ArrayList<>();
        for (JsonNode answer : answers) {
            Map<String, Object> result = JSON.convertValue(answer, new TypeReference<>() { });
            verdicts.add(DecisionParser.parse(result)
                    .map(p -> new PolicyVerdict(p.outcome(), p.reasons(), p.obligations()))
                    .orElseGet(() -> new PolicyVerdict(PolicyDecision.Outcome.DENY, List.of(
                            Reason.unavailable("answer does not follow the decision contract")))));
        }
        if (verdicts.size() != inputs.size()) {
            throw new IllegalStateException("OPA answered " + verdicts.size() + " of " + inputs.size() + " inputs");
        }
        return verdicts;
    }

    /** Revision(s) of the bundle OPA runs now, "unknown" when OPA does not answer. */
    @PreAuthorize("isAuthenticated()")
    public String activeRevision() {
        return probe.bundleRevision(endpoint.baseUrl()).orElse("unknown");
    }

    /** The revision the portal serves now (what OPA will run once it has pulled it). */
    @PreAuthorize("isAuthenticated()")
    public String servedRevision() {
        return bundles.current().revision();
    }

    /**
     * Serves {@code tree} before OPA has started, for the registry to put its published versions in place at
     * start-up. Refused once a bundle was activated (then use {@link #publish}). Checks the tree compiles.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void serveAtStartup(PolicyTree tree) {
        List<PolicyProblem> problems = opa.check(tree);
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException("the registry's published policy does not compile", problems);
        }
        synchronized (publishing) {
            bundles.publish(bundleFiles(tree));
        }
    }

    /**
     * Signs and serves {@code tree} as the policy bundle, then waits until OPA reports its revision active.
     * Refused, with nothing changed, when the tree does not compile or breaks the treaty contract; when OPA
     * does not activate it within {@code timeout} the previous bundle is served again and this throws.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'ADMIN', 'SYSTEM')")
    public PolicyActivation publish(PolicyTree tree, Duration timeout) {
        String revision = tree.revision();
        if (revision.isBlank()) {
            throw new PolicyRejectedException("a published bundle needs a revision in its .manifest", List.of());
        }
        List<PolicyProblem> problems = opa.check(tree);
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException("the policy does not compile", problems);
        }
        List<String> violations = contractViolations(tree);
        if (!violations.isEmpty()) {
            throw new PolicyRejectedException("the policy breaks the treaty contract", violations.stream()
                    .map(v -> new PolicyProblem("", 0, 0, "contract_violation", v)).toList());
        }
        synchronized (publishing) {
            PolicyBundles.Served previous = bundles.current();
            long start = System.nanoTime();
            bundles.publish(bundleFiles(tree));
            long deadline = start + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (revision.equals(probe.bundleRevision(endpoint.baseUrl()).orElse(""))) {
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    log.info("policy revision {} active in OPA after {} ms", revision, took.toMillis());
                    return new PolicyActivation(revision, took);
                }
                sleep(ACTIVATION_POLL);
            }
            bundles.serve(previous.bytes(), previous.revision());
            throw new PolicyRejectedException("OPA did not activate revision " + revision + " within "
                    + timeout.toSeconds() + " s; revision " + previous.revision() + " stays active", List.of());
        }
    }

    private static SortedMap<String, byte[]> bundleFiles(PolicyTree tree) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        tree.files().forEach((path, content) -> {
            if (BundleBuilder.isBundleFile(path)) {
                files.put(path, content.getBytes(StandardCharsets.UTF_8));
            }
        });
        return files;
    }

    static PolicyTree readTree(Path folder) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                if (!name.equals(BundleBuilder.SIGNATURES_FILE)) {
                    files.put(name, Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the policy folder " + folder, e);
        }
        return new PolicyTree(files);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for OPA", e);
        }
    }
}
