package org.dataembassy.portal.replication.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dataembassy.portal.replication.FormatException;
import org.dataembassy.portal.replication.crypto.Hashes;

/**
 * Fuzz-style properties: random and mutated bytes fed to the manifest and index parsers either
 * parse or fail with FormatException, never anything else (no OOM, no index errors).
 */
class ParsingProperties {
    private static final byte[] MANIFEST = ManifestCodec.encodeBody(new Manifest("ds", 1L, "state", "label", List.of(
            new ManifestEntry(EntryType.DIRECTORY, "d", 0755, 2L, 0, "", null, List.of()),
            new ManifestEntry(EntryType.FILE, "d/ü.txt", 0644, 3L, 10, Hashes.sha256Hex(new byte[1]), null,
                    List.of(Hashes.sha256Hex(new byte[2]), Hashes.sha256Hex(new byte[3]))),
            new ManifestEntry(EntryType.SYMLINK, "l", 0, 4L, 0, "", "d/ü.txt", List.of()))));
    private static final byte[] INDEX = IndexCodec.encode(List.of(
            new IndexEntry(Hashes.sha256Hex(new byte[1]), Hashes.sha256Hex(new byte[2]), 0, 40, 20),
            new IndexEntry(Hashes.sha256Hex(new byte[3]), Hashes.sha256Hex(new byte[2]), 40, 50, 30)));

    @Property(tries = 400)
    void mutatedManifestsParseOrFailWithFormatError(@ForAll("mutations") long seed) {
        byte[] input = mutate(MANIFEST, seed);
        try {
            Manifest m = ManifestCodec.decodeBody(input, "fuzz");
            assertThat(m.entries()).allSatisfy(e -> assertThat(e.path()).doesNotStartWith("/").doesNotContain(".."));
        } catch (FormatException expected) {
            assertThat(expected).hasMessageStartingWith("fuzz:");
        }
    }

    @Property(tries = 400)
    void mutatedIndexesParseOrFailWithFormatError(@ForAll("mutations") long seed) {
        byte[] input = mutate(INDEX, seed);
        try {
            assertThat(IndexCodec.decode(input, "fuzz")).allSatisfy(e -> assertThat(e.offset()).isNotNegative());
        } catch (FormatException expected) {
            assertThat(expected).hasMessageStartingWith("fuzz:");
        }
    }

    @Property(tries = 300)
    void randomBytesNeverCrashTheParsers(@ForAll byte[] input) {
        for (Runnable parse : List.<Runnable>of(() -> ManifestCodec.decodeBody(input, "fuzz"), () -> IndexCodec.decode(input, "fuzz"))) {
            try {
                parse.run();
            } catch (FormatException expected) {
                assertThat(expected.getMessage()).startsWith("fuzz:");
            }
        }
    }

    @Property(tries = 50)
    void unmutatedInputRoundTrips(@ForAll("mutations") long ignored) {
        assertThat(ManifestCodec.encodeBody(ManifestCodec.decodeBody(MANIFEST, "m"))).isEqualTo(MANIFEST);
        assertThat(IndexCodec.encode(IndexCodec.decode(INDEX, "i"))).isEqualTo(INDEX);
    }

    @Provide
    Arbitrary<Long> mutations() {
        return Arbitraries.longs();
    }

    /** Flips, overwrites, truncates, duplicates or inserts bytes, chosen by seed. */
    static byte[] mutate(byte[] original, long seed) {
        Random r = new Random(seed);
        byte[] b = original.clone();
        int ops = 1 + r.nextInt(4);
        for (int i = 0; i < ops && b.length > 0; i++) {
            int pos = r.nextInt(b.length);
            switch (r.nextInt(5)) {
                case 0 -> b[pos] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[pos] = (byte) r.nextInt(256);
                case 2 -> b = Arrays.copyOf(b, pos);
                case 3 -> b[pos] = (byte) 0xFF;
                default -> {
                    byte[] n = new byte[b.length + 4];
                    System.arraycopy(b, 0, n, 0, pos);
                    System.arraycopy(b, pos, n, pos + 4, b.length - pos);
                    n[pos] = 0x7F;
                    b = n;
                }
            }
        }
        return b;
    }
}
