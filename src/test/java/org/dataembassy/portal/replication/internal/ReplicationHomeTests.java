package org.dataembassy.portal.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationHomeTests {

    @TempDir
    Path dataDir;

    @Test
    void firstUseGeneratesAnOwnerOnlyKekAndInitialisesTheState() throws IOException {
        ReplicationHome home = new ReplicationHome(dataDir);
        assertThat(home.initialised()).isFalse();

        home.open(List.of()).close();

        assertThat(home.initialised()).isTrue();
        assertThat(home.stateDir()).isEqualTo(dataDir.toAbsolutePath().resolve("replication/state"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.kekFile()))).isEqualTo("rw-------");
    }

    @Test
    void laterUseReusesTheSameKek() throws IOException {
        new ReplicationHome(dataDir).open(List.of()).close();
        String kek = Files.readString(new ReplicationHome(dataDir).kekFile());

        new ReplicationHome(dataDir).open(List.of()).close();

        assertThat(Files.readString(new ReplicationHome(dataDir).kekFile())).isEqualTo(kek);
    }

    @Test
    void refusesAStateWhoseKekIsGone() throws IOException {
        ReplicationHome home = new ReplicationHome(dataDir);
        home.open(List.of()).close();
        Files.delete(home.kekFile());

        assertThatThrownBy(() -> new ReplicationHome(dataDir).open(List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KEK");
        assertThat(home.kekFile()).doesNotExist();
    }
}
