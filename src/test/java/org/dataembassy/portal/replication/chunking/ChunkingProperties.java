package org.dataembassy.portal.replication.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ChunkingProperties {
    private static final ChunkerParams PARAMS = new ChunkerParams(256, 1024, 4096, 42L);

    static List<String> chunks(byte[] data) throws IOException {
        List<String> out = new ArrayList<>();
        new ChunkStream(new FastCdc(PARAMS)).split(new ByteArrayInputStream(data),
                (b, off, len) -> out.add(HexFormat.of().formatHex(Arrays.copyOfRange(b, off, off + len))));
        return out;
    }

    @Property(tries = 60)
    void concatenatedChunksEqualInputAndRespectSizeBounds(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 60_000) int size)
            throws IOException {
        // given
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        // when
        List<String> chunks = chunks(data);
        // then
        assertThat(String.join("", chunks)).isEqualTo(HexFormat.of().formatHex(data));
        for (int i = 0; i < chunks.size(); i++) {
            int len = chunks.get(i).length() / 2;
            assertThat(len).isLessThanOrEqualTo(PARAMS.maxSize());
            if (i < chunks.size() - 1) {
                assertThat(len).isGreaterThanOrEqualTo(PARAMS.minSize());
            }
        }
    }

    @Property(tries = 60)
    void insertionChangesOnlyChunksNearIt(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 300) int insertLength,
                                          @ForAll @IntRange(min = 0, max = 100) int percent) throws IOException {
        // given
        Random r = new Random(seed);
        byte[] data = new byte[80_000];
        r.nextBytes(data);
        int at = data.length * percent / 100;
        byte[] insert = new byte[insertLength];
        r.nextBytes(insert);
        byte[] changed = new byte[data.length + insertLength];
        System.arraycopy(data, 0, changed, 0, at);
        System.arraycopy(insert, 0, changed, at, insertLength);
        System.arraycopy(data, at, changed, at + insertLength, data.length - at);
        // when
        List<String> before = chunks(data);
        List<String> after = chunks(changed);
        // then: chunks wholly before the insertion are unchanged, and the new chunks cover only
        // the insertion plus a bounded resynchronisation window
        int offset = 0;
        for (String c : before) {
            int len = c.length() / 2;
            if (offset + len + PARAMS.maxSize() > at) {
                break;
            }
            assertThat(after).contains(c);
            offset += len;
        }
        assertThat(newBytes(before, after)).isLessThan(changed.length / 2);
    }

    /**
     * How far an insertion disturbs the chunks after it, as a distribution over 300 fixed cases (random 80 kB, an
     * insertion of 1 to 300 bytes anywhere). Normalised chunking (a harder cut mask before the average size, an easier
     * one after) makes cut points depend on where a chunk began, so two streams out of step resynchronise only where a
     * cut satisfies both: usually within two chunks, in rare cases after many (a random case once needed 24 kB, six
     * maximum-size chunks, which is why this is a distribution over fixed cases and not a bound per random case).
     * Measured: median 1.6 kB beyond the insertion, 95th percentile 5.9 kB, worst 13.7 kB.
     */
    @net.jqwik.api.Example
    void insertionsResynchroniseWithinAFewChunks() throws IOException {
        List<Long> beyond = new ArrayList<>();
        for (int seed = 1; seed <= 300; seed++) {
            Random r = new Random(seed);
            byte[] data = new byte[80_000];
            r.nextBytes(data);
            byte[] insert = new byte[1 + r.nextInt(300)];
            int at = data.length * r.nextInt(101) / 100;
            r.nextBytes(insert);
            byte[] changed = new byte[data.length + insert.length];
            System.arraycopy(data, 0, changed, 0, at);
            System.arraycopy(insert, 0, changed, at, insert.length);
            System.arraycopy(data, at, changed, at + insert.length, data.length - at);
            beyond.add(newBytes(chunks(data), chunks(changed)) - insert.length);
        }
        Collections.sort(beyond);
        assertThat(beyond.get(150)).as("median").isLessThanOrEqualTo(2L * PARAMS.avgSize());
        assertThat(beyond.get(284)).as("95th percentile").isLessThanOrEqualTo(2L * PARAMS.maxSize());
        assertThat(beyond.get(299)).as("worst").isLessThan(20_000L);
    }

    private static long newBytes(List<String> before, List<String> after) {
        Set<String> old = new HashSet<>(before);
        return after.stream().filter(c -> !old.contains(c)).mapToLong(c -> c.length() / 2).sum();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds() {
        return net.jqwik.api.Arbitraries.longs();
    }
}
