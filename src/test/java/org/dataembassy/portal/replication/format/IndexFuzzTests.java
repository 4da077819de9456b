package org.dataembassy.portal.replication.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.dataembassy.portal.replication.FormatException;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.crypto.ObjectType;

/**
 * Jazzer fuzz targets for index and pack-header parsing (chunk → pack → offset). The only allowed
 * failure is {@link FormatException}, or {@link IntegrityException} for bytes that fail
 * authentication. Every test run replays the seeds in
 * {@code src/test/resources/.../IndexFuzzTestsInputs/<method>/}; {@code make fuzz} fuzzes
 * {@link #index} coverage-guided (JAZZER_FUZZ=1).
 */
class IndexFuzzTests {

    @FuzzTest(maxDuration = "30s")
    void index(byte[] input) {
        List<IndexEntry> entries;
        try {
            entries = IndexCodec.decode(input, "fuzz");
        } catch (FormatException expected) {
            assertThat(expected).hasMessageStartingWith("fuzz:");
            return;
        }
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.chunkId()).hasSize(64);
            assertThat(e.packId()).hasSize(64);
            assertThat(e.offset()).isNotNegative();
            assertThat(e.length()).isNotNegative();
            assertThat(e.rawLength()).isNotNegative();
        });
        // the encoding is canonical: what parsed is exactly what the writer would produce
        assertThat(IndexCodec.encode(entries)).isEqualTo(input);
    }

    /**
     * A pack whose header plaintext is fuzzed: the first two input bytes give the body length, the
     * rest is the header, sealed as the engine seals it. The raw input is also read as a pack.
     */
    @FuzzTest(maxDuration = "30s")
    void packHeader(byte[] input) {
        int bodyLength = input.length < 2 ? 0 : ((input[0] & 0xFF) << 8) | (input[1] & 0xFF);
        byte[] header = input.length < 2 ? input : Arrays.copyOfRange(input, 2, input.length);
        byte[] sealed = FuzzFixture.CIPHER.seal(ObjectType.PACK_HEADER, new byte[0], header);
        byte[] pack = new BinaryWriter().raw(new byte[bodyLength]).raw(sealed).i32(sealed.length).toByteArray();
        for (byte[] candidate : List.of(pack, input)) {
            try {
                List<PackEntry> entries = PackReader.header(candidate, FuzzFixture.CIPHER, "fuzz");
                assertThat(entries).allSatisfy(e -> {
                    assertThat(e.offset()).isNotNegative();
                    assertThat(e.length()).isNotNegative();
                    assertThat((long) e.offset() + e.length()).isLessThanOrEqualTo(bodyLength);
                });
            } catch (FormatException expected) {
                assertThat(expected).hasMessageStartingWith("fuzz:");
            } catch (IntegrityException expected) {
                assertThat(expected.objects()).containsExactly("fuzz");
            }
        }
    }
}
