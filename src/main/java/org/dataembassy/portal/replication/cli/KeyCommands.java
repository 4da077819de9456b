package org.dataembassy.portal.replication.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dataembassy.portal.replication.engine.LocalReplicationEngine;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.keys.KekShare;
import org.dataembassy.portal.replication.keys.KekSharing;

/** {@code key split | unseal | rotate | rotate-kek}. */
final class KeyCommands {
    private final ReplicationCli cli;
    private final Path state;
    private final CliArgs a;

    KeyCommands(ReplicationCli cli, Path state, CliArgs a) {
        this.cli = cli;
        this.state = state;
        this.a = a;
    }

    int run() {
        String sub = a.word(1, "key subcommand");
        switch (sub) {
            case "split" -> {
                Kek kek = ReplicationCli.kek(state, a);
                List<KekShare> shares = KekSharing.split(kek, a.integer("m", 0), a.integer("n", 0));
                Path dir = Path.of(a.required("out"));
                try {
                    Files.createDirectories(dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (KekShare s : shares) {
                    ReplicationCli.writeSecret(dir.resolve("share-" + s.index() + ".txt"), s.format());
                }
                cli.out().println("wrote " + shares.size() + " shares to " + dir + "; any " + shares.get(0).threshold() + " unseal the KEK");
            }
            case "unseal" -> {
                Kek kek = ReplicationCli.kek(state, a);
                ReplicationCli.writeSecret(Path.of(a.required("out")), kek.toHex());
                cli.out().println("KEK unsealed and verified (fingerprint " + kek.fingerprintHex().substring(0, 16) + ")");
            }
            case "rotate" -> {
                try (LocalReplicationEngine engine = ReplicationCli.open(state, a)) {
                    engine.rotateDataKey(a.word(2, "DS"));
                }
                cli.out().println("data key rotated");
            }
            case "rotate-kek" -> {
                Kek next = Kek.generate();
                Path out = Path.of(a.required("new-kek-out"));
                try (LocalReplicationEngine engine = ReplicationCli.open(state, a)) {
                    ReplicationCli.writeSecret(out, next.toHex());
                    engine.rotateKek(next);
                }
                cli.out().println("all keys re-wrapped under the new KEK in " + out);
            }
            default -> throw new CliArgs.UsageException("unknown key subcommand " + sub);
        }
        return 0;
    }
}
