package org.dataembassy.portal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpaSandboxTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void theCapabilitiesAreThisOpasOwnWithoutTheRemovedBuiltinsAndWithoutNetwork() throws Exception {
        OpaSandbox sandbox = TestOpa.sandbox(data);
        JsonNode capabilities = JSON.readTree(sandbox.capabilities().toFile());
        Set<String> names = new HashSet<>();
        capabilities.path("builtins").forEach(b -> names.add(b.path("name").asText()));

        assertThat(sandbox.capabilities()).isEqualTo(data.resolve("opa/sandbox/capabilities.json").toAbsolutePath());
        assertThat(names).doesNotContainAnyElementsOf(SandboxCapabilities.load().removed().keySet());
        assertThat(names).contains("object.get", "time.parse_rfc3339_ns", "uuid.parse", "trace", "internal.print");
        assertThat(names.size()).as("every other builtin of OPA 1.22 stays").isGreaterThan(150);
        assertThat(capabilities.path("allow_net").isArray()).isTrue();
        assertThat(capabilities.path("allow_net")).isEmpty();
        assertThat(capabilities.path("features").size()).isPositive();
    }

    @Test
    void theFoldersAreOwnerOnlyEvenWhenTheyExistedBefore() throws Exception {
        Path trees = Files.createDirectories(data.resolve("opa/sandbox/trees"));
        Files.setPosixFilePermissions(data.resolve("opa/sandbox"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(trees, PosixFilePermissions.fromString("rwxrwxrwx"));

        OpaSandbox sandbox = TestOpa.sandbox(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sandbox.root()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trees))).isEqualTo("rwx------");
        Path tree = sandbox.newTreeFolder();
        assertThat(tree.getParent()).isEqualTo(trees);
        assertThat(tree.getFileName().toString()).startsWith("tree-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tree))).isEqualTo("rwx------");
        assertThat(tree).startsWith(data.toAbsolutePath()); // under the data folder, not the shared temporary one
    }

    @Test
    void treesLeftByACrashAreClearedAtTheNextStartRecentOnesAreLeftToTheirCommand() throws Exception {
        Path trees = Files.createDirectories(data.resolve("opa/sandbox/trees"));
        Path old = Files.createDirectories(trees.resolve("tree-old/dataembassy"));
        Files.writeString(old.resolve("x.rego"), "package x");
        Files.setLastModifiedTime(trees.resolve("tree-old"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path recent = Files.createDirectories(trees.resolve("tree-recent"));

        TestOpa.sandbox(data);

        assertThat(trees.resolve("tree-old")).doesNotExist();
        assertThat(recent).exists();
    }
}
