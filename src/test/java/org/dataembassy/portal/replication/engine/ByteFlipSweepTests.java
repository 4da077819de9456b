package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.TestTrees;
import org.dataembassy.portal.replication.engine.FlipSweep.Sampling;
import org.dataembassy.portal.replication.format.ObjectNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-flip sweep of docs/replication-format.md §11: a hostile or broken site cannot make a reader
 * accept altered data. {@link SweepFixture} replicates a small tree (four packs, one index, one manifest,
 * one key bundle per dataset) to a folder and an in-memory site; then, for one object of each kind (the
 * pack holding the start of {@code big.bin}, the index, the manifest, the key bundle), each selected byte
 * is flipped on a fresh copy (byte i XOR {@code 1 << (i % 8)}), in place and, for content-addressed
 * objects, re-addressed under the new hash ({@link FlipSweep}); every object is truncated at every length
 * class; authentic objects are swapped between datasets and kinds ({@link SwapSweep}). After each
 * tampering a reader restores the latest snapshot into a fresh folder and scrubs ({@link ReaderProbe}).
 *
 * <p>{@code mvn test} flips a fixed sample: at the folder site every byte of the first and last 32 bytes
 * of each object and every 31st byte, at the in-memory site the first and last 8 and every 127th.
 * {@code -Dsweep=full} flips every byte at both sites (objects above 64 KiB would get every byte of the
 * first and last 4 KiB and every 61st; this tree has none). Truncations and swaps always run in full.
 * Counts go to {@code target/byte-flip-sweep.json}; everything must be rejected, nothing decrypted or
 * silently accepted.
 */
class ByteFlipSweepTests {
    static final boolean FULL = "full".equals(System.getProperty("sweep"));
    private static final Map<String, Map<String, SweepTally>> SECTIONS = new LinkedHashMap<>();
    private static final long STARTED = System.nanoTime();
    @TempDir
    static Path tmp;
    static SweepFixture f;

    @BeforeAll
    static void replicate() {
        f = new SweepFixture(tmp);
    }

    @AfterAll
    static void writeCounts() {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("sweep", FULL ? "\"full\"" : "\"sample\"");
        header.put("seconds", String.valueOf((System.nanoTime() - STARTED) / 1_000_000_000));
        SweepTally.write(Path.of("target", "byte-flip-sweep.json"), header, SECTIONS);
    }

    @Test
    void theProbeSeesAnUnalteredObjectAccepted() {
        // given: the pristine site; the pack byte probed is inside big.bin's first blob
        String pack = f.packHolding(f.folder, SweepFixture.A, "big.bin", 0);
        // when
        ReaderProbe.Verdict v = f.probe(f.folder, tmp.resolve("control")).probe(SweepFixture.A, new ReaderProbe.Tampering(pack, 20));
        // then: without a tampering the reader succeeds having read that byte, which the sweep would count
        assertThat(v.outcome()).isEqualTo(ReaderProbe.Outcome.SILENTLY_ACCEPTED);
    }

    @Test
    void everyFlippedByteIsRejectedAtTheFolderSite() {
        flipEveryKind(f.folder, "flips", FULL ? Sampling.FULL : new Sampling(32, 31));
    }

    @Test
    void everyFlippedByteIsRejectedAtTheInMemorySite() {
        flipEveryKind(f.memory, "flipsInMemory", FULL ? Sampling.FULL : new Sampling(8, 127));
    }

    @Test
    void everyTruncationIsRejected() {
        HostileSite site = f.folder;
        FlipSweep sweep = new FlipSweep(site, f.probe(site, tmp.resolve("truncations")), SweepFixture.A);
        Map<String, SweepTally> kinds = section("truncations");
        for (String name : site.list(ObjectNames.root(SweepFixture.A))) {
            String kind = kindOf(name);
            SweepTally tally = kinds.computeIfAbsent(kind, k -> new SweepTally());
            tally.fact("objects", 1);
            sweep.truncations(name, !kind.equals("keyBundle"), headers(kind, site.read(name)), tally);
        }
        assertAllRejected(kinds);
        assertPristine(site);
    }

    @Test
    void everySwappedObjectIsRejected() {
        HostileSite site = f.folder;
        SweepTally tally = new SweepTally();
        section("swaps").put("all", tally);
        new SwapSweep(f, site, f.probe(site, tmp.resolve("swaps")), tally).run();
        assertAllRejected(section("swaps"));
        assertThat(tally.tampered()).isEqualTo(21);
        assertPristine(site);
    }

    private static void flipEveryKind(HostileSite site, String sectionName, Sampling sampling) {
        String ds = SweepFixture.A;
        FlipSweep sweep = new FlipSweep(site, f.probe(site, tmp.resolve(sectionName)), ds);
        Map<String, SweepTally> kinds = section(sectionName);
        for (String name : List.of(f.packHolding(site, ds, "big.bin", 0), only(site, ObjectNames.indexPrefix(ds)),
                only(site, ObjectNames.snapshotsPrefix(ds)), only(site, ObjectNames.keysPrefix(ds)))) {
            String kind = kindOf(name);
            SweepTally tally = new SweepTally();
            kinds.put(kind, tally);
            sweep.flips(name, !kind.equals("keyBundle"), sampling, tally);
        }
        assertAllRejected(kinds);
        assertPristine(site);
    }

    /** Sizes a reader parses before anything else: Tink's prefix and nonce, the bundle's magic and KEK fingerprint, the pack trailer. */
    private static List<Integer> headers(String kind, byte[] object) {
        int tink = 5 + 12;
        return switch (kind) {
            case "keyBundle" -> List.of(4 + 1 + 32, 4 + 1 + 32 + 12);
            case "pack" -> List.of(tink, object.length - 4 - ByteBuffer.wrap(object, object.length - 4, 4).getInt(), object.length - 4);
            default -> List.of(tink);
        };
    }

    private static void assertAllRejected(Map<String, SweepTally> kinds) {
        kinds.forEach((kind, t) -> {
            assertThat(t.failures()).as(kind).isEmpty();
            assertThat(t.tampered()).as(kind).isPositive();
            assertThat(t.rejected()).as(kind).isEqualTo(t.tampered());
            assertThat(t.decrypted()).as(kind).isZero();
            assertThat(t.silentlyAccepted()).as(kind).isZero();
            assertThat(t.untyped()).as(kind).isZero();
        });
    }

    /** Every edit was undone: the site restores and scrubs clean. */
    private static void assertPristine(HostileSite site) {
        try (LocalReplicationEngine engine = f.open(site)) {
            Path out = tmp.resolve("pristine-" + site.name() + "-" + System.nanoTime());
            engine.restore(new RestoreRequest(SweepFixture.A, site.name(), "latest", out), p -> { });
            assertThat(TestTrees.describe(out)).isEqualTo(f.expected);
            assertThat(engine.scrub(SweepFixture.A).clean()).isTrue();
            assertThat(engine.scrub(SweepFixture.B).clean()).isTrue();
        }
    }

    private static String kindOf(String name) {
        String folder = name.split("/")[2];
        return switch (folder) {
            case "packs" -> "pack";
            case "snapshots" -> "manifest";
            case "keys" -> "keyBundle";
            default -> folder;
        };
    }

    private static String only(HostileSite site, String prefix) {
        List<String> names = site.list(prefix);
        assertThat(names).as(prefix).hasSize(1);
        return names.get(0);
    }

    private static synchronized Map<String, SweepTally> section(String name) {
        return SECTIONS.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }
}
