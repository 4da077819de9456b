package org.dataembassy.portal.datasets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFoldersTests {

    @TempDir
    Path tmp;

    @Test
    void aFolderUnderARootIsConfinedToItsRealPath() throws Exception {
        Path root = tmp.resolve("sources");
        SourceFolders folders = new SourceFolders(List.of(root.toString()));
        Path land = Files.createDirectories(root.resolve("land"));
        assertThat(folders.confine(land.toString()).path()).contains(land.toRealPath());
        assertThat(folders.confine(root.resolve("land/../land").toString()).path()).contains(land.toRealPath());
    }

    @Test
    void aSymlinkInsideTheRootThatLeavesItIsRefused() throws Exception {
        Path root = tmp.resolve("sources");
        SourceFolders folders = new SourceFolders(List.of(root.toString()));
        Path outside = Files.createDirectories(tmp.resolve("outside/etc"));
        Files.writeString(outside.resolve("shadow"), "secret");
        Files.createSymbolicLink(root.resolve("x"), tmp.resolve("outside"));
        var confined = folders.confine(root.resolve("x/etc").toString());
        assertThat(confined.path()).isEmpty();
        assertThat(confined.problem()).contains("symbolic link").contains(root.toRealPath().toString());
        assertThat(folders.confine(root.resolve("x").toString()).path()).isEmpty();
    }

    @Test
    void badNamesGetAFieldMessageNotAnException() {
        SourceFolders folders = new SourceFolders(List.of(tmp.resolve("sources").toString()));
        assertThat(folders.confine("/tmp/a\u0000b").problem()).contains("control character");
        assertThat(folders.confine(" ").problem()).isEqualTo("Give the folder to replicate");
        assertThat(folders.confine("/etc").problem()).startsWith("Must lie under");
        assertThat(folders.confine("/etc/no-such-folder").problem()).startsWith("Must lie under");
        assertThat(folders.confine("x".repeat(1001)).problem()).isEqualTo("At most 1000 characters");
    }

    @Test
    void aLinkSwappedAfterTheApprovalIsRefusedAtReplicationTime() throws Exception {
        Path root = tmp.resolve("sources");
        SourceFolders folders = new SourceFolders(List.of(root.toString()));
        Path real = Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("link"), real);
        Path approved = folders.confine(root.resolve("link").toString()).path().orElseThrow();
        assertThat(folders.recheck(approved.toString())).isEqualTo(approved);
        Files.delete(real);
        Files.createSymbolicLink(real, Files.createDirectories(tmp.resolve("elsewhere")));
        assertThatThrownBy(() -> folders.recheck(approved.toString())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no longer acceptable");
    }
}
