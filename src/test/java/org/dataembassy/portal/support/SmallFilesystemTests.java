package org.dataembassy.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small filesystem of the disk-full tests: a stale mount left by a killed run is replaced, not stacked. */
class SmallFilesystemTests {

    @TempDir
    Path folder;

    @Test
    void aStaleMountIsUnmountedBeforeMountingAgainAndCloseUnmounts() throws Exception {
        Path mountPoint = folder.resolve("small fs");
        SmallFilesystem stale = SmallFilesystem.mount(mountPoint, 2); // never closed: a killed run
        Files.writeString(mountPoint.resolve("left-over"), "x");
        assertThat(SmallFilesystem.mounted(mountPoint)).isTrue();

        try (SmallFilesystem fresh = SmallFilesystem.mount(mountPoint, 3)) {
            assertThat(Files.exists(mountPoint.resolve("left-over"))).as("a fresh, empty filesystem").isFalse();
            assertThat(Files.lines(Path.of("/proc/self/mounts"))
                    .filter(line -> line.split(" ")[1].equals(mountPoint.toString().replace(" ", "\\040"))).count())
                    .as("one mount on the folder, not two stacked").isEqualTo(1);
            assertThat(fresh.usable()).isLessThanOrEqualTo(3L << 20);
        }
        assertThat(SmallFilesystem.mounted(mountPoint)).isFalse();
        assertThat(stale.path()).isEqualTo(mountPoint);
    }
}
