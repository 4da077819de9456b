package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dataembassy.portal.agreements.internal.AgreementFiles;
import org.dataembassy.portal.agreements.internal.AgreementStore;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyProperties;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyTree;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.dataembassy.portal.policy.internal.BundleBuilder;
import org.dataembassy.portal.policy.internal.PolicyBundles;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A legal officer's Rego reaching outside the evaluation (the network, the server's environment, the clock,
 * randomness) is refused at compile time on every path that runs a draft — the editor's check, saving, Run tests
 * (also by an auditor or admin), impact analysis, publishing, signing — with the problem at its line, and a
 * loopback listener the rules address receives nothing. Versions are also stored straight into the registry, as
 * one saved before the sandbox existed would be, to reach the paths that only take stored versions.
 */
@PortalIntegrationTest
class SandboxedRegoIT {

    private static HttpServer listener;
    private static final Queue<String> requests = new ConcurrentLinkedQueue<>();

    @Autowired
    AgreementRegistry registry;
    @Autowired
    AgreementStore store;
    @Autowired
    PolicyDecisions decisions;
    @Autowired
    PolicyWorkbench workbench;
    @Autowired
    PolicyBundles bundles;
    @Autowired
    PolicyProperties properties;

    @BeforeAll
    static void listen() throws Exception {
        listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        listener.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
    }

    @AfterAll
    static void stop() {
        listener.stop(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + listener.getAddress().getPort() + path;
    }

    /** What the rules try (a rule of the treaty package) and what the tests try (a test's body). */
    static Stream<Arguments> leaks() {
        return Stream.of(
                Arguments.of("http.send", "http.send({\"method\": \"GET\", \"url\": \"" + url("/exfil?from=rules") + "\"})",
                        "http.send({\"method\": \"GET\", \"url\": \"" + url("/exfil?from=tests") + "\"}).status_code == 200"),
                Arguments.of("opa.runtime", "opa.runtime().env", "opa.runtime().env.HOME != \"\""),
                Arguments.of("time.now_ns", "time.now_ns()", "time.now_ns() > 0"),
                Arguments.of("rand.intn", "rand.intn(\"probe\", 100)", "rand.intn(\"probe\", 100) < 100"));
    }

    /** Without the sandbox the same call reaches the listener: the 0 requests below mean something. */
    @Test
    void theListenerIsReachableByAnUnsandboxedOpa() throws Exception {
        Process opa = new ProcessBuilder(Path.of(properties.opaBinary()).toString(), "eval", "--format", "raw",
                "http.send({\"method\": \"GET\", \"url\": \"" + url("/control") + "\"}).status_code").start();
        assertThat(opa.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(opa.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("200");
        assertThat(requests).contains("/control");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaks")
    void aDraftUsingARemovedBuiltinIsRefusedAtCompileTimeEverywhere(String builtin, String ruleCall, String testCall) {
        AgreementVersion v1 = As.user("lola", "LEGAL_OFFICER", () -> registry.create(
                NewAgreement.fromTemplate("ee_lu", "EE", "FR", "Sandbox test " + builtin, "test",
                        TestAgreements.suffix())));
        String key = v1.agreementKey();
        String rego = v1.regoSource() + "\n# reaches outside the evaluation\nprobe := " + ruleCall + "\n";
        String tests = v1.testsSource() + "\ntest_probe if {\n\t" + testCall + "\n}\n";
        DraftContent content = new DraftContent(TestAgreements.inForce(v1.termsJson(), "\"INTERNAL\""), rego, tests, "leak");
        int ruleLine = lineOf(rego, "probe := ");
        int testLine = lineOf(tests, "\t" + testCall);
        String explained = builtin + " is not available in treaty rules: ";

        // the editor's check and saving: refused at the rule's line and column
        DraftCheck check = As.user("lola", "LEGAL_OFFICER", () -> registry.check(key, content));
        assertThat(check.problemsIn(DraftCheck.REGO)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(ruleLine);
            assertThat(p.column()).isEqualTo(10);
            assertThat(p.code()).isEqualTo("rego_type_error");
            assertThat(p.message()).startsWith(explained);
        });
        assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> registry.save(key, 1, content)))
                .isInstanceOfSatisfying(PolicyRejectedException.class, refusedAt(DraftCheck.REGO, ruleLine, explained));

        // Run tests on the editor's text: both the rule and the test are reported, nothing ran
        TestReport draftRun = As.user("lola", "LEGAL_OFFICER", () -> registry.runTests(key, content));
        assertThat(draftRun.passed()).isFalse();
        assertThat(draftRun.run().results()).isEmpty();
        assertThat(draftRun.run().problems()).anySatisfy(located(DraftCheck.REGO, ruleLine, explained))
                .anySatisfy(located(DraftCheck.TESTS, testLine, explained))
                .allSatisfy(p -> assertThat(p.toString()).doesNotContain("tree-").doesNotContain("/opa/sandbox"));

        // a version stored with this content (as one saved before the sandbox), approved by a second officer
        store.updateContent(key, 1, v1.title(), "IN_FORCE", content);
        store.markSubmitted(key, 1);
        store.markReviewed(key, 1, VersionStatus.APPROVED, "leo", "approved before the sandbox");
        for (String[] runner : new String[][] {{"aude", "AUDITOR"}, {"ada", "ADMIN"}, {"leo", "LEGAL_OFFICER"}}) {
            TestReport stored = As.user(runner[0], runner[1], () -> registry.runTests(key, 1));
            assertThat(stored.run().results()).as(runner[0]).isEmpty();
            assertThat(stored.run().problems()).as(runner[0]).anySatisfy(located(DraftCheck.TESTS, testLine, explained));
        }

        // impact analysis replays a recorded decision about this agreement: refused, nothing evaluated
        As.user("lola", "LEGAL_OFFICER", () -> decisions.decide(new PolicyQuery("dataembassy/onboarding",
                "test:sandbox", Map.of("agreement", key, "dataset", Map.of("classification", "INTERNAL")))));
        assertThatThrownBy(() -> As.user("ada", "ADMIN", () -> registry.impact(key, 1, 1)))
                .isInstanceOfSatisfying(PolicyRejectedException.class, refusedAt(DraftCheck.REGO, ruleLine, explained));

        // publishing: refused by the registry, by the workbench, and by the signing gate; OPA keeps its bundle
        String served = bundles.current().revision();
        assertThatThrownBy(() -> As.user("leo", "LEGAL_OFFICER", () -> registry.publish(key, 1)))
                .isInstanceOfSatisfying(PolicyRejectedException.class, refusedAt(DraftCheck.REGO, ruleLine, explained));
        PolicyTree tree = AgreementFiles.withAgreement(As.user("ada", "ADMIN", () -> registry.publishedTree()), key,
                content).withRevision("sandbox-leak");
        assertThatThrownBy(() -> As.user("ada", "ADMIN", () -> workbench.publish(tree, Duration.ofSeconds(5))))
                .isInstanceOf(PolicyRejectedException.class).hasMessageContaining(explained);
        assertThatThrownBy(() -> bundles.publish(bundleFiles(tree)))
                .isInstanceOf(PolicyRejectedException.class).hasMessageContaining(explained);
        assertThat(bundles.current().revision()).isEqualTo(served);
        assertThat(As.user("leo", "LEGAL_OFFICER", () -> registry.version(key, 1)).status()).isEqualTo(VersionStatus.APPROVED);

        assertNothingReachedTheListener();
    }

    /** allow_net []: a schema $ref to the listener is refused by OPA instead of fetched. */
    @Test
    void aDraftTestWithARemoteSchemaReferenceFetchesNothing() {
        AgreementVersion v1 = As.user("lola", "LEGAL_OFFICER", () -> registry.create(
                NewAgreement.fromTemplate("ee_lu", "EE", "FR", "Sandbox schema test", "test", TestAgreements.suffix())));
        String key = v1.agreementKey();
        String tests = v1.testsSource() + "\ntest_remote_schema_is_refused if {\n"
                + "\t[ok, why] := json.verify_schema({\"$ref\": \"" + url("/exfil-schema.json") + "\"})\n"
                + "\tnot ok\n\tcontains(why, \"remote reference loading disabled\")\n}\n";
        As.user("lola", "LEGAL_OFFICER", () -> registry.save(key, 1, new DraftContent(v1.termsJson(), v1.regoSource(),
                tests, "schema")));
        TestReport report = As.user("aude", "AUDITOR", () -> registry.runTests(key, 1));
        assertThat(report.run().results()).filteredOn(r -> r.name().equals("test_remote_schema_is_refused"))
                .singleElement().satisfies(r -> assertThat(r.passed()).as(r.message()).isTrue());
        assertNothingReachedTheListener();
    }

    private static void assertNothingReachedTheListener() {
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> requests.stream().noneMatch(r -> r.startsWith("/exfil")));
        assertThat(requests).noneMatch(r -> r.startsWith("/exfil"));
    }

    private static int lineOf(String text, String start) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + start);
    }

    private static Consumer<PolicyProblem> located(String part, int line, String explained) {
        return p -> {
            assertThat(p.file()).isEqualTo(part);
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith(explained);
        };
    }

    private static Consumer<PolicyRejectedException> refusedAt(String part, int line, String explained) {
        return e -> assertThat(e.problems()).anySatisfy(located(part, line, explained));
    }

    private static SortedMap<String, byte[]> bundleFiles(PolicyTree tree) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        tree.files().forEach((path, text) -> {
            if (BundleBuilder.isBundleFile(path)) {
                files.put(path, text.getBytes(StandardCharsets.UTF_8));
            }
        });
        return files;
    }
}
