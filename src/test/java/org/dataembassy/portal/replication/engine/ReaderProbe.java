package org.dataembassy.portal.replication.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.dataembassy.portal.replication.FormatException;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.KeyMaterialException;
import org.dataembassy.portal.replication.ObjectProblem;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.SiteScrub;
import org.dataembassy.portal.replication.TestTrees;
import org.dataembassy.portal.replication.WrongKeyException;
import org.dataembassy.portal.replication.keys.Kek;

/**
 * Runs what a reader runs against a tampered site — restore of the latest snapshot into a fresh
 * folder, then scrub — and judges the outcome:
 * <ul>
 *   <li>{@code UNTYPED}: either run threw anything but {@link IntegrityException}, {@link FormatException},
 *       {@link WrongKeyException} or {@link KeyMaterialException} (a parser or engine bug);</li>
 *   <li>{@code DECRYPTED}: restore reported success and a restored file differs from the source;</li>
 *   <li>{@code SILENTLY_ACCEPTED}: restore reported success after reading an altered byte, or scrub
 *       (which reads everything) neither failed nor named the altered object;</li>
 *   <li>{@code REJECTED}: otherwise — scrub named the object (or failed typed), and restore failed typed or
 *       succeeded, byte-identical, without reading any altered byte.</li>
 * </ul>
 */
final class ReaderProbe {
    enum Outcome { REJECTED, DECRYPTED, SILENTLY_ACCEPTED, UNTYPED }

    /** Altered bytes now stored under {@code object}, starting at {@code firstAltered} (-1: every byte is foreign). */
    record Tampering(String object, long firstAltered) {
        static Tampering whole(String object) {
            return new Tampering(object, -1);
        }
    }

    record Verdict(Outcome outcome, boolean restoreRejected, String detail) {
    }

    private final Path stateDir;
    private final Kek kek;
    private final String siteName;
    private final ReadRecorder recorder;
    private final Map<String, String> expected;
    private final Path scratch;
    private int runs;

    ReaderProbe(Path stateDir, Kek kek, HostileSite site, Map<String, String> expected, Path scratch) {
        this.stateDir = stateDir;
        this.kek = kek;
        this.siteName = site.name();
        this.recorder = new ReadRecorder(site.store());
        this.expected = expected;
        this.scratch = scratch;
    }

    Verdict probe(String ds, Tampering t) {
        return probe(ds, t, -1);
    }

    /** {@code claimedSize} &ge; 0: the site answers size queries for the altered object with it. */
    Verdict probe(String ds, Tampering t, long claimedSize) {
        recorder.clear();
        if (claimedSize >= 0) {
            recorder.claimSize(t.object(), claimedSize);
        }
        try (LocalReplicationEngine engine = LocalReplicationEngine.open(stateDir, kek, Map.of(siteName, recorder))) {
            Path target = scratch.resolve("restore-" + runs++);
            boolean restoreRejected = false;
            try {
                engine.restore(new RestoreRequest(ds, siteName, "latest", target), p -> { });
                if (!TestTrees.describe(target).equals(expected)) {
                    return new Verdict(Outcome.DECRYPTED, false, "restore wrote other bytes than the source");
                }
                if (recorder.wasRead(t.object(), t.firstAltered())) {
                    return new Verdict(Outcome.SILENTLY_ACCEPTED, false, "restore succeeded reading altered bytes");
                }
            } catch (RuntimeException e) {
                if (!typed(e)) {
                    return new Verdict(Outcome.UNTYPED, false, "restore: " + e);
                }
                restoreRejected = true;
            } finally {
                deleteTree(target);
            }
            try {
                ScrubReport report = engine.scrub(ds);
                if (!names(report.site(siteName), t.object())) {
                    return new Verdict(Outcome.SILENTLY_ACCEPTED, restoreRejected, "scrub did not name " + t.object()
                            + ": " + report.site(siteName));
                }
            } catch (RuntimeException e) {
                if (!typed(e)) {
                    return new Verdict(Outcome.UNTYPED, restoreRejected, "scrub: " + e);
                }
            }
            return new Verdict(Outcome.REJECTED, restoreRejected, "");
        }
    }

    static boolean typed(Throwable e) {
        return e instanceof IntegrityException || e instanceof FormatException
                || e instanceof WrongKeyException || e instanceof KeyMaterialException;
    }

    private static boolean names(SiteScrub s, String object) {
        return s.missing().contains(object) || s.damaged().stream().map(ObjectProblem::object).anyMatch(object::equals);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
