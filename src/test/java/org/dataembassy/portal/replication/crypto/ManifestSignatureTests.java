package org.dataembassy.portal.replication.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.format.EntryType;
import org.dataembassy.portal.replication.format.Manifest;
import org.dataembassy.portal.replication.format.ManifestCodec;
import org.dataembassy.portal.replication.format.ManifestEntry;
import org.junit.jupiter.api.Test;

class ManifestSignatureTests {
    static {
        TinkSetup.ensure();
    }

    private final Manifest manifest = new Manifest("ds", 5L, "state", "l",
            List.of(new ManifestEntry(EntryType.DIRECTORY, "d", 0755, 1L, 0, "", null, List.of())));

    @Test
    void opensAManifestSignedByTheState() throws Exception {
        // given
        DataCipher cipher = new DataCipher(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), "ds");
        KeyPair state = ManifestSigner.generate();
        byte[] sealed = ManifestCodec.seal(manifest, state.getPrivate().getEncoded(), cipher);
        // when
        Manifest back = ManifestCodec.open(sealed, cipher, state.getPublic().getEncoded(), "ds", "m");
        // then
        assertThat(back).isEqualTo(manifest);
    }

    @Test
    void rejectsAManifestSignedByAnotherKeyEvenIfEncryptedCorrectly() throws Exception {
        // given: someone holding the data key but not the state's signing key
        DataCipher cipher = new DataCipher(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), "ds");
        KeyPair state = ManifestSigner.generate();
        KeyPair forger = ManifestSigner.generate();
        byte[] forged = ManifestCodec.seal(manifest, forger.getPrivate().getEncoded(), cipher);
        // when / then
        assertThatThrownBy(() -> ManifestCodec.open(forged, cipher, state.getPublic().getEncoded(), "ds", "snap"))
                .isInstanceOf(IntegrityException.class).hasMessageContaining("signature");
    }

    @Test
    void rejectsAManifestOfAnotherDataset() throws Exception {
        // given: the same keys used for two datasets would still not let one manifest pass as the other
        KeysetHandle keys = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeyPair state = ManifestSigner.generate();
        byte[] sealed = ManifestCodec.seal(manifest, state.getPrivate().getEncoded(), new DataCipher(keys, "ds"));
        // when / then
        assertThatThrownBy(() -> ManifestCodec.open(sealed, new DataCipher(keys, "other"), state.getPublic().getEncoded(), "other", "m"))
                .isInstanceOf(IntegrityException.class);
    }

    @Test
    void aRememberedVerificationNeverVouchesForChangedBytes() {
        // given: a signature verified once (so remembered)
        KeyPair state = ManifestSigner.generate();
        KeyPair other = ManifestSigner.generate();
        byte[] body = "manifest body".getBytes(StandardCharsets.UTF_8);
        byte[] signature = ManifestSigner.sign(state.getPrivate().getEncoded(), body);
        assertThat(ManifestSigner.verify(state.getPublic().getEncoded(), body, signature)).isTrue();
        // when: any input changes afterwards
        byte[] changedBody = body.clone();
        changedBody[0] ^= 1;
        byte[] changedSignature = signature.clone();
        changedSignature[10] ^= 1;
        // then: each is verified afresh and fails, while the original still passes
        assertThat(ManifestSigner.verify(state.getPublic().getEncoded(), changedBody, signature)).isFalse();
        assertThat(ManifestSigner.verify(state.getPublic().getEncoded(), body, changedSignature)).isFalse();
        assertThat(ManifestSigner.verify(other.getPublic().getEncoded(), body, signature)).isFalse();
        assertThat(ManifestSigner.verify(state.getPublic().getEncoded(), body, signature)).isTrue();
    }
}
