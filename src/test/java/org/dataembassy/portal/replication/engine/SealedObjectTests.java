package org.dataembassy.portal.replication.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.util.List;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.crypto.DataCipher;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.crypto.ObjectType;
import org.dataembassy.portal.replication.crypto.TinkSetup;
import org.dataembassy.portal.replication.format.IndexCodec;
import org.dataembassy.portal.replication.format.IndexEntry;
import org.junit.jupiter.api.Test;

class SealedObjectTests {
    static {
        TinkSetup.ensure();
    }

    private static DataCipher cipher(String ds) throws Exception {
        return new DataCipher(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), ds);
    }

    @Test
    void rejectsEveryFlippedByteOfASealedChunk() throws Exception {
        // given
        DataCipher c = cipher("ds");
        byte[] id = Hashes.sha256("chunk".getBytes());
        byte[] sealed = c.seal(ObjectType.CHUNK, id, "secret chunk content".getBytes());
        int rejected = 0;
        // when
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] variant = sealed.clone();
                variant[i] ^= (byte) (1 << bit);
                try {
                    c.open(ObjectType.CHUNK, id, variant, "obj");
                } catch (IntegrityException e) {
                    rejected++;
                }
            }
        }
        // then
        assertThat(rejected).isEqualTo(sealed.length * 8);
        assertThat(c.open(ObjectType.CHUNK, id, sealed, "obj")).isEqualTo("secret chunk content".getBytes());
    }

    @Test
    void rejectsEveryFlippedByteOfASealedIndexObject() throws Exception {
        // given
        DataCipher c = cipher("ds");
        String chunk = Hashes.sha256Hex("c".getBytes());
        String pack = Hashes.sha256Hex("p".getBytes());
        byte[] sealed = c.seal(ObjectType.INDEX, new byte[0], IndexCodec.encode(List.of(new IndexEntry(chunk, pack, 0, 10, 5))));
        // when / then
        for (int i = 0; i < sealed.length; i++) {
            byte[] variant = sealed.clone();
            variant[i] ^= (byte) 0xFF;
            assertThatThrownBy(() -> c.open(ObjectType.INDEX, new byte[0], variant, "idx")).as("byte " + i)
                    .isInstanceOf(ReplicationException.class);
        }
    }

    /**
     * Datasets never share a keyset, so in the engine an object of another dataset already fails on Tink's key
     * id (the byte-flip sweep's swaps); this shows the associated data alone binds the dataset.
     */
    @Test
    void refusesToOpenAnItemOfAnotherDatasetUnderTheSameKeyset() throws Exception {
        // given
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        DataCipher a = new DataCipher(keyset, "ds-a");
        DataCipher b = new DataCipher(keyset, "ds-b");
        byte[] id = Hashes.sha256("one".getBytes());
        byte[] sealed = a.seal(ObjectType.CHUNK, id, "data".getBytes());
        byte[] manifest = a.seal(ObjectType.MANIFEST, new byte[0], "body".getBytes());
        // when / then
        assertThat(a.open(ObjectType.CHUNK, id, sealed, "x")).isEqualTo("data".getBytes());
        assertThatThrownBy(() -> b.open(ObjectType.CHUNK, id, sealed, "x")).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> b.open(ObjectType.MANIFEST, new byte[0], manifest, "x")).isInstanceOf(IntegrityException.class);
    }

    @Test
    void refusesToOpenAChunkAsAnotherChunkTypeOrDataset() throws Exception {
        // given
        DataCipher c = cipher("ds");
        byte[] id = Hashes.sha256("one".getBytes());
        byte[] sealed = c.seal(ObjectType.CHUNK, id, "data".getBytes());
        // when / then
        assertThatThrownBy(() -> c.open(ObjectType.CHUNK, Hashes.sha256("two".getBytes()), sealed, "x"))
                .isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> c.open(ObjectType.INDEX, id, sealed, "x")).isInstanceOf(IntegrityException.class);
    }
}
