package org.dataembassy.portal.replication.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.dataembassy.portal.replication.PruneResult;
import org.dataembassy.portal.replication.RepairReport;
import org.dataembassy.portal.replication.ReplicateRequest;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.RestoreResult;
import org.dataembassy.portal.replication.RetentionPolicy;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.ShredEvidence;
import org.dataembassy.portal.replication.SiteOutcome;
import org.dataembassy.portal.replication.SiteScrub;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.replication.SnapshotInfo;
import org.dataembassy.portal.replication.engine.LocalReplicationEngine;

/** Commands that need an opened engine. */
final class EngineCommands {
    private final ReplicationCli cli;
    private final Path state;
    private final CliArgs a;
    private final PrintStream out;

    EngineCommands(ReplicationCli cli, Path state, CliArgs a) {
        this.cli = cli;
        this.state = state;
        this.a = a;
        this.out = cli.out();
    }

    int run(String cmd) {
        if (!Set.of("dataset", "replicate", "snapshots", "restore", "scrub", "repair", "prune", "shred", "status").contains(cmd)) {
            throw new CliArgs.UsageException("unknown command " + cmd);
        }
        try (LocalReplicationEngine engine = ReplicationCli.open(state, a)) {
            return switch (cmd) {
                case "dataset" -> {
                    if (!"create".equals(a.word(1, "dataset subcommand"))) {
                        throw new CliArgs.UsageException("dataset create DS");
                    }
                    engine.createDataset(ReplicationCli.settings(a.word(2, "DS"), a));
                    out.println("dataset " + a.word(2, "DS") + " created");
                    yield 0;
                }
                case "replicate" -> replicate(engine);
                case "snapshots" -> {
                    for (SnapshotInfo s : engine.snapshots(a.word(1, "DS"), a.required("site"))) {
                        out.println(s.id() + " " + s.created() + " entries=" + s.entries() + " bytes=" + s.bytes() + " label=" + s.label());
                    }
                    yield 0;
                }
                case "restore" -> {
                    RestoreResult r = engine.restore(new RestoreRequest(a.word(1, "DS"), a.required("site"),
                            a.opt("snapshot", "latest"), Path.of(a.required("target"))), p -> { });
                    out.println("restored " + r.snapshotId() + " entries=" + r.entries() + " bytes=" + r.bytes() + " (verified)");
                    yield 0;
                }
                case "scrub" -> scrub(engine.scrub(a.word(1, "DS")));
                case "repair" -> {
                    RepairReport r = engine.repair(a.word(1, "DS"));
                    r.repaired().forEach(x -> out.println("repaired " + x));
                    r.unrepaired().forEach(x -> out.println("UNREPAIRED " + x));
                    yield r.unrepaired().isEmpty() ? 0 : 3;
                }
                case "prune" -> {
                    PruneResult r = engine.prune(a.word(1, "DS"), new RetentionPolicy(a.integer("keep-last", 0),
                            ReplicationCli.duration(a.opt("keep-within", null))));
                    out.println("forgot " + r.forgotten().size() + " snapshots, deleted " + r.indexesDeleted()
                            + " index objects and " + r.packsDeleted() + " packs");
                    yield 0;
                }
                case "shred" -> {
                    if (!a.flag("yes")) {
                        throw new CliArgs.UsageException("shred destroys the dataset's keys forever: add --yes");
                    }
                    ShredEvidence e = engine.shred(a.word(1, "DS"));
                    e.destroyed().forEach(d -> out.println("destroyed " + d));
                    e.pending().forEach(p -> out.println("PENDING " + p));
                    out.println("evidence: " + e.file());
                    yield e.complete() ? 0 : 3;
                }
                default -> status(engine);
            };
        }
    }

    private int replicate(LocalReplicationEngine engine) {
        ReplicateRequest req = new ReplicateRequest(a.word(1, "DS"), Path.of(a.word(2, "SOURCE_DIR")), a.opt("label", ""),
                Duration.ofMillis(a.integer("throttle-ms", 0)), a.flag("reread"));
        long[] lastPrint = {0};
        ReplicateResult r = engine.replicate(req, p -> {
            long now = System.nanoTime();
            if (now - lastPrint[0] > 500_000_000L || p.bytesDone() == p.bytesTotal()) {
                lastPrint[0] = now;
                out.printf("progress %d/%d bytes %.1f MB/s eta %s%n", p.bytesDone(), p.bytesTotal(),
                        p.bytesPerSecond() / 1e6, p.eta() == null ? "?" : p.eta().toSeconds() + "s");
            }
        });
        r.warnings().forEach(w -> out.println("warning: " + w));
        for (SiteOutcome o : r.sites()) {
            out.println("site " + o.site() + (o.complete() ? " complete" : " FAILED: " + o.error())
                    + " objects=" + o.objectsWritten() + " bytes=" + o.bytesWritten() + " caught-up=" + o.objectsCaughtUp());
        }
        out.println("snapshot " + r.snapshotId() + " files=" + r.files() + " bytes=" + r.bytesScanned()
                + " new-chunks=" + r.newChunks() + " new-bytes=" + r.newChunkBytes());
        return r.complete() ? 0 : 3;
    }

    private int scrub(ScrubReport report) {
        for (SiteScrub s : report.sites()) {
            out.println("site " + s.site() + (s.clean() ? " clean" : " PROBLEMS") + " objects=" + s.objectsChecked() + " bytes=" + s.bytesChecked()
                    + (s.error() == null ? "" : " unreachable: " + s.error()));
            s.damaged().forEach(d -> out.println("  damaged " + d.object() + ": " + d.reason()));
            s.missing().forEach(m -> out.println("  missing " + m));
        }
        return report.clean() ? 0 : 3;
    }

    private int status(LocalReplicationEngine engine) {
        for (SiteStatus s : engine.status(a.word(1, "DS"))) {
            out.println("site " + s.site() + (s.reachable() ? " reachable" : " UNREACHABLE (" + s.error() + ")")
                    + " last-verified=" + s.lastVerifiedSnapshot() + " recovery-point-age=" + s.recoveryPointAge()
                    + " stored-bytes=" + s.storedBytes() + " snapshots=" + s.snapshots() + " behind=" + s.snapshotsBehind());
        }
        return 0;
    }
}
