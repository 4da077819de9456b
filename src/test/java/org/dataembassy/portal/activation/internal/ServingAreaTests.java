package org.dataembassy.portal.activation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.dataembassy.portal.activation.ActivationProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingAreaTests {

    @TempDir
    Path root;

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aPublishedDatasetIsReadOnlyUnderItsFinalNameAndRemovalDeletesTheWholeActivation() throws Exception {
        ServingArea area = new ServingArea(new ActivationProperties(Map.of(), root, Duration.ofMinutes(10)));
        Path partial = area.freshPartial("a1", "d1");
        Files.createDirectories(partial.resolve("sub"));
        Files.writeString(partial.resolve("sub/data.csv"), "id;name\n");

        Path target = area.publish(partial, area.target("a1", "d1"));

        assertThat(target).isEqualTo(root.resolve("a1").resolve("d1"));
        assertThat(partial).doesNotExist();
        assertThat(perms(target.resolve("sub/data.csv"))).isEqualTo("r--r--r--");
        assertThat(perms(target.resolve("sub"))).isEqualTo("r-xr-xr-x");
        assertThat(perms(target)).isEqualTo("r-xr-xr-x");

        area.remove("a1");
        assertThat(root.resolve("a1")).doesNotExist();
        area.remove("a1"); // nothing left: nothing to do
    }

    @Test
    void aLeftoverOfACrashedRestoreIsDeletedBeforeTheRetry() throws Exception {
        ServingArea area = new ServingArea(new ActivationProperties(Map.of(), root, Duration.ofMinutes(10)));
        Path first = area.freshPartial("a1", "d1");
        Files.writeString(first.resolve("half.bin"), "half");

        Path again = area.freshPartial("a1", "d1");

        assertThat(again).isEqualTo(first).isEmptyDirectory();
    }
}
