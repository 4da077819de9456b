package org.dataembassy.portal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code opa run} takes no capabilities, so the portal keeps the builtins out of what it signs: every bundle passes
 * {@code opa check --strict} with the sandbox capabilities first, at start-up (the shipped or configured folder)
 * and at every publication.
 */
class PolicyBundlesSandboxTests {

    @TempDir
    Path data;

    private PolicyBundles bundles;

    @BeforeEach
    void bundles() {
        OpaSandbox sandbox = TestOpa.sandbox(data);
        OpaCommands opa = TestOpa.commands(sandbox);
        BundleSigningKey key = BundleSigningKey.loadOrCreate(data.resolve("opa/signing"), "test-signer", "");
        bundles = new PolicyBundles(data.resolve("opa"), Path.of("policies"), key, opa::checkBundle);
    }

    private static SortedMap<String, byte[]> files(String revision, String rego) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(".manifest", ("{\"revision\": \"" + revision + "\"}").getBytes(StandardCharsets.UTF_8));
        files.put("dataembassy/x/x.rego", rego.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Test
    void theShippedPoliciesAreSignedAndServed() {
        PolicyBundles.Served served = bundles.publish(Path.of("policies"));
        assertThat(served.revision()).isEqualTo("foundation-1");
        assertThat(bundles.current()).isSameAs(served);
    }

    @Test
    void aBundleCallingARemovedBuiltinIsNeitherSignedNorServed() {
        PolicyBundles.Served before = bundles.publish(files("clean-1", "package dataembassy.x\n\nv := 1\n"));
        SortedMap<String, byte[]> leaking = files("leak-1", "package dataembassy.x\n\n"
                + "v := http.send({\"method\": \"GET\", \"url\": \"http://127.0.0.1:9/\"})\n");

        assertThatThrownBy(() -> bundles.publish(leaking))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> {
                    assertThat(e.getMessage()).contains("leak-1");
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.location()).isEqualTo("dataembassy/x/x.rego:3:6");
                        assertThat(p.message()).startsWith("http.send is not available");
                    });
                });
        assertThatThrownBy(() -> bundles.signatures(leaking)).isInstanceOf(PolicyRejectedException.class);
        assertThat(bundles.current()).isSameAs(before);
    }

    @Test
    void aConfiguredPolicyFolderThatReadsTheClockIsRefusedAtStartUp() throws Exception {
        Path folder = Files.createDirectories(data.resolve("policies/dataembassy/x"));
        Files.writeString(data.resolve("policies/.manifest"), "{\"revision\": \"own-1\"}");
        Files.writeString(folder.resolve("x.rego"), "package dataembassy.x\n\nnow := time.now_ns()\n");

        assertThatThrownBy(() -> bundles.publish(data.resolve("policies")))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.message()).singleElement().asString().startsWith("time.now_ns is not available"));
        assertThat(bundles.current()).isNull();
    }
}
