package org.dataembassy.portal.replication.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.dataembassy.portal.replication.FormatException;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.crypto.ManifestSigner;
import org.dataembassy.portal.replication.crypto.ObjectType;

/**
 * Jazzer fuzz targets for manifest parsing. The only allowed failure is the engine's format error
 * ({@link FormatException}; {@link IntegrityException} once authentication is involved); anything
 * else (index errors, OOM, NPE, a parse that does not round-trip) fails. Every test run replays the
 * seeds in {@code src/test/resources/.../ManifestFuzzTestsInputs/<method>/} (regression mode);
 * {@code make fuzz} fuzzes {@link #manifestBody} coverage-guided (JAZZER_FUZZ=1). See
 * docs/replication-format.md, "Fuzzing the parsers".
 */
class ManifestFuzzTests {

    @FuzzTest(maxDuration = "30s")
    void manifestBody(byte[] input) {
        Manifest m;
        try {
            m = ManifestCodec.decodeBody(input, "fuzz");
        } catch (FormatException expected) {
            assertThat(expected).hasMessageStartingWith("fuzz:");
            return;
        }
        FuzzFixture.assertSafe(m);
        // what parsed re-encodes to bytes that parse to the same manifest
        assertThat(ManifestCodec.decodeBody(ManifestCodec.encodeBody(m), "again")).isEqualTo(m);
    }

    /** A body signed by the dataset's key and sealed, as a site returns it: open, verify, decode. */
    @FuzzTest(maxDuration = "30s")
    void sealedManifest(byte[] body) {
        byte[] sig = ManifestSigner.sign(FuzzFixture.SIGNING.getPrivate().getEncoded(), body);
        byte[] plain = Arrays.copyOf(body, body.length + sig.length);
        System.arraycopy(sig, 0, plain, body.length, sig.length);
        byte[] sealed = FuzzFixture.CIPHER.seal(ObjectType.MANIFEST, new byte[0], plain);
        try {
            Manifest m = ManifestCodec.open(sealed, FuzzFixture.CIPHER, FuzzFixture.SIGNING.getPublic().getEncoded(), "ds", "fuzz");
            assertThat(m.datasetId()).isEqualTo("ds");
            FuzzFixture.assertSafe(m);
        } catch (FormatException expected) {
            assertThat(expected).hasMessageStartingWith("fuzz:");
        } catch (IntegrityException expected) {
            // only the dataset check can fail here: the signature and the seal are genuine
            assertThat(expected).hasMessageContaining("another dataset");
            assertThat(expected.objects()).containsExactly("fuzz");
        }
    }
}
