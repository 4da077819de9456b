package org.dataembassy.portal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreePathsTests {

    @TempDir
    Path tmp;

    @Test
    void fileNamesBecomeRelativeToTheTree() throws Exception {
        Path sandbox = Files.createDirectories(tmp.resolve("opa/sandbox"));
        Path tree = Files.createDirectories(sandbox.resolve("trees/tree-1234567"));
        TreePaths paths = new TreePaths(tree, sandbox);
        assertThat(paths.file(tree + "/dataembassy/treaty/treaty.rego")).isEqualTo("dataembassy/treaty/treaty.rego");
        assertThat(paths.file("./dataembassy/x/x.rego")).isEqualTo("dataembassy/x/x.rego");
        assertThat(paths.file("dataembassy/x/x.rego")).isEqualTo("dataembassy/x/x.rego");
        assertThat(paths.file("")).isEmpty();
        assertThat(paths.file(null)).isEmpty();
    }

    @Test
    void messagesAndStderrLinesLoseEveryServerFolder() throws Exception {
        Path sandbox = Files.createDirectories(tmp.resolve("opa/sandbox"));
        Path tree = Files.createDirectories(sandbox.resolve("trees/tree-1234567"));
        TreePaths paths = new TreePaths(tree, sandbox);
        String stderr = "2 errors occurred:\n"
                + tree + "/dataembassy/a/a.rego:3: rego_type_error: undefined function http.send\n"
                + "open " + tree + ": permission denied\n"
                + "capabilities: open " + sandbox + "/capabilities.json: no such file or directory\n"
                + "conflicting rules data.x found in " + tree + "/b.rego and " + tree + "/c/d.rego";
        String clean = paths.text(stderr);
        assertThat(clean).doesNotContain(tmp.toString()).doesNotContain("tree-1234567").doesNotContain("sandbox/");
        assertThat(clean).contains("dataembassy/a/a.rego:3: rego_type_error: undefined function http.send")
                .contains("open .: permission denied")
                .contains("open capabilities.json")
                .contains("found in b.rego and c/d.rego");
    }

    @Test
    void aTreeBehindASymbolicLinkIsRecognisedByItsRealPathToo() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real/opa/sandbox"));
        Path tree = Files.createDirectories(real.resolve("trees/tree-42"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), tmp.resolve("real"));
        TreePaths paths = new TreePaths(link.resolve("opa/sandbox/trees/tree-42"), link.resolve("opa/sandbox"));
        assertThat(paths.file(tree + "/x.rego")).isEqualTo("x.rego");
        assertThat(paths.file(link + "/opa/sandbox/trees/tree-42/x.rego")).isEqualTo("x.rego");
    }
}
