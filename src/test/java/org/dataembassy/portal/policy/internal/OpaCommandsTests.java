package org.dataembassy.portal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyTestRun;
import org.dataembassy.portal.policy.PolicyTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OPA command line on policy trees, sandboxed, with the real binary. */
class OpaCommandsTests {

    @TempDir
    Path data;

    private OpaSandbox sandbox;
    private OpaCommands opa;

    @BeforeEach
    void sandbox() {
        sandbox = TestOpa.sandbox(data);
        opa = TestOpa.commands(sandbox);
    }

    private static PolicyTree tree(String rego, String tests) {
        return new PolicyTree(new TreeMap<>(Map.of(".manifest", "{\"revision\": \"t\"}\n",
                "x/x.rego", rego, "x/x_test.rego", tests)));
    }

    private static final String PASSING_TEST = "package x_test\n\ntest_ok if true\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http.send     | http.send({\"method\": \"GET\", \"url\": \"http://127.0.0.1:9/exfil\"}) | they may not reach the network",
            "opa.runtime   | opa.runtime().env                                                 | environment",
            "time.now_ns   | time.now_ns()                                                     | input.at",
            "rand.intn     | rand.intn(\"x\", 10)                                                | randomness",
            "uuid.rfc4122  | uuid.rfc4122(\"x\")                                                 | randomness"})
    void aRuleUsingARemovedBuiltinDoesNotCompileAndSaysWhyAtItsLine(String builtin, String call, String why) {
        PolicyTree tree = tree("package x\n\n# line 3 is next\nprobe := " + call + "\n", PASSING_TEST);

        List<PolicyProblem> checked = opa.check(tree);
        assertThat(checked).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("x/x.rego");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(10);
            assertThat(p.code()).isEqualTo("rego_type_error");
            assertThat(p.message()).startsWith(builtin + " is not available in treaty rules: ").contains(why);
        });

        PolicyTestRun run = opa.test(tree, null);
        assertThat(run.results()).isEmpty();
        assertThat(run.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("x/x.rego");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith(builtin + " is not available in treaty rules");
        });

        assertThatThrownBy(() -> opa.eval(tree, "data.x.probe", Map.of()))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.location()).isEqualTo("x/x.rego:4:10")));
    }

    @Test
    void aTestUsingARemovedBuiltinIsReportedAtItsOwnLine() {
        PolicyTestRun run = opa.test(tree("package x\n\nallow := true\n",
                "package x_test\n\ntest_leak if {\n\topa.runtime().env.HOME\n}\n"), null);
        assertThat(run.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("x/x_test.rego");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).isEqualTo("opa.runtime is not available in treaty rules: they may not read the"
                    + " server's environment or configuration");
        });
    }

    @Test
    void aRemoteSchemaReferenceIsNotFetched() throws Exception {
        HttpServer listener = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        listener.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"type\": \"string\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
        try {
            String url = "http://127.0.0.1:" + listener.getAddress().getPort() + "/schema.json";
            JsonNode verdict = opa.eval(tree("package x\n", PASSING_TEST),
                    "json.verify_schema({\"$ref\": \"" + url + "\"})", Map.of());
            assertThat(verdict.get(0).asBoolean()).isFalse();
            assertThat(verdict.get(1).asText()).contains("remote reference loading disabled");
            assertThat(requests).hasValue(0);
        } finally {
            listener.stop(0);
        }
    }

    /** A stand-in for OPA that records how it was started: environment, working directory, arguments. */
    @Test
    void opaRunsWithAnEmptyEnvironmentInTheTreeFolderWithTheSandboxCapabilities() throws Exception {
        assertThat(System.getenv()).as("the test's own environment is not empty").containsKey("PATH");
        Path record = Files.createDirectories(data.resolve("record"));
        Path fake = data.resolve("fake-opa");
        Files.writeString(fake, "#!/bin/sh\n/usr/bin/env > " + record + "/env\n/bin/pwd > " + record + "/pwd\n"
                + "echo \"$@\" > " + record + "/args\n/bin/ls > " + record + "/files\necho '[]'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        OpaCommands recording = new OpaCommands(fake, TestOpa.TIMEOUT, sandbox);

        recording.test(tree("package x\n", PASSING_TEST), null);

        // dash exports PWD itself; OpaProcessTests runs /usr/bin/env without a shell and sees nothing at all
        assertThat(Files.readString(record.resolve("env")).lines().filter(l -> !l.startsWith("PWD="))).isEmpty();
        Path dir = Path.of(Files.readString(record.resolve("pwd")).strip());
        assertThat(dir.getParent()).isEqualTo(sandbox.root().resolve("trees").toRealPath());
        assertThat(dir.getFileName().toString()).startsWith("tree-");
        assertThat(Files.readString(record.resolve("files")).lines()).contains("x");
        assertThat(Files.readString(record.resolve("args")).strip())
                .isEqualTo("test --capabilities " + sandbox.capabilities() + " --format json .");
        assertThat(dir).as("the tree folder is removed afterwards").doesNotExist();
    }

    @Test
    void noMessageNamesAServerFolder() {
        PolicyTree broken = new PolicyTree(new TreeMap<>(Map.of(".manifest", "{\"revision\": \"t\"}\n",
                "x/x.rego", "package x\n\nv := 1\n\nv := 2\n", "y/data.json", "{\"a\": ",
                "z/z.rego", "package z\n\nbroken := := 1\n")));
        String root = sandbox.root().toString();
        assertThat(opa.check(broken)).isNotEmpty().allSatisfy(p -> assertThat(p.file() + p.message())
                .doesNotContain(root).doesNotContain("tree-").doesNotContain(data.toString()))
                .anySatisfy(p -> assertThat(p.location()).isEqualTo("z/z.rego:3:11"));
        PolicyTree badData = new PolicyTree(new TreeMap<>(Map.of(".manifest", "{\"revision\": \"t\"}\n",
                "y/data.json", "{\"a\": ")));
        assertThat(opa.test(badData, null).problems()).singleElement().satisfies(p -> { // check reads no data
            assertThat(p.file()).isEqualTo("y/data.json");
            assertThat(p.code()).isEqualTo("opa_load_error");
            assertThat(p.message()).doesNotContain(root).doesNotContain("tree-");
        });
        assertThat(opa.test(broken, null).problems()).isNotEmpty().allSatisfy(p -> assertThat(p.toString())
                .doesNotContain(root).doesNotContain("tree-"));
        PolicyTree conflict = tree("package x\n\nv := 1 if input.a\n\nv := 2 if input.a\n", PASSING_TEST);
        assertThatThrownBy(() -> opa.eval(conflict, "data.x.v", Map.of("a", true)))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.problems().get(0).location()).isEqualTo("x/x.rego:5:1");
                    assertThat(e.problems().get(0).message()).contains("1 at x/x.rego:3", "2 at x/x.rego:5");
                    assertThat(e.getMessage()).doesNotContain(root).doesNotContain("tree-");
                });
    }

    @Test
    void theShippedPoliciesPassTheSandbox() {
        var files = new TreeMap<String, String>();
        try (var walk = Files.walk(Path.of("policies"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(Path.of("policies").relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PolicyTree shipped = new PolicyTree(files);
        assertThat(opa.check(shipped)).isEmpty();
        PolicyTestRun run = opa.test(shipped, null);
        assertThat(run.problems()).isEmpty();
        assertThat(run.results()).hasSizeGreaterThan(50).allSatisfy(r -> assertThat(r.passed()).as(r.name()).isTrue());
    }
}
