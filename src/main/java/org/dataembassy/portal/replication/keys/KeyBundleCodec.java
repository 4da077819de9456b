package org.dataembassy.portal.replication.keys;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.WrongKeyException;
import org.dataembassy.portal.replication.chunking.ChunkerParams;
import org.dataembassy.portal.replication.crypto.TinkSetup;
import org.dataembassy.portal.replication.format.BinaryReader;
import org.dataembassy.portal.replication.format.BinaryWriter;

/**
 * Wraps a {@link KeyBundle} under the KEK: {@code "DEKB" || 1 || kekFingerprint(32) ||
 * AES-GCM(KEK, plaintext, AD = "dataembassy-keybundle-v1|ds|generation")}.
 */
public final class KeyBundleCodec {
    static {
        TinkSetup.ensure();
    }

    private KeyBundleCodec() {
    }

    public static byte[] wrap(KeyBundle b, Kek kek) {
        try {
            byte[] keyset = TinkProtoKeysetFormat.serializeKeyset(b.dataKeyset(), InsecureSecretKeyAccess.get());
            ChunkerParams c = b.chunker();
            byte[] plain = new BinaryWriter().magic("DEKP", 1).string(b.datasetId()).i32(b.generation())
                    .i32(c.minSize()).i32(c.avgSize()).i32(c.maxSize()).i64(c.gearSeed())
                    .i32(b.packSize()).i32(b.compressionLevel())
                    .bytes16(b.idKey()).bytes16(b.signingPublicKey()).bytes32(keyset).toByteArray();
            byte[] sealed = kek.aead().encrypt(plain, ad(b.datasetId(), b.generation()));
            return new BinaryWriter().magic("DEKB", 1).raw(kek.fingerprint()).raw(sealed).toByteArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap key bundle: " + e.getMessage(), e);
        }
    }

    /** Fingerprint of the KEK a wrapped bundle was made with. */
    public static byte[] kekFingerprint(byte[] wrapped, String objectName) {
        BinaryReader r = new BinaryReader(wrapped, objectName);
        r.magic("DEKB", 1);
        return r.raw(32);
    }

    public static KeyBundle unwrap(byte[] wrapped, Kek kek, String datasetId, int generation, String objectName) {
        BinaryReader r = new BinaryReader(wrapped, objectName);
        r.magic("DEKB", 1);
        if (!MessageDigest.isEqual(r.raw(32), kek.fingerprint())) {
            throw new WrongKeyException("key bundle " + objectName + " is wrapped under a different KEK");
        }
        byte[] plain;
        try {
            plain = kek.aead().decrypt(r.raw(r.remaining()), ad(datasetId, generation));
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("key bundle failed authentication", List.of(objectName));
        }
        BinaryReader p = new BinaryReader(plain, objectName);
        p.magic("DEKP", 1);
        String ds = p.string();
        int gen = p.i32();
        if (!ds.equals(datasetId) || gen != generation) {
            throw new IntegrityException("key bundle names another dataset or generation", List.of(objectName));
        }
        ChunkerParams chunker = new ChunkerParams(p.i32(), p.i32(), p.i32(), p.i64());
        int packSize = p.i32();
        int level = p.i32();
        byte[] idKey = p.bytes16();
        byte[] pub = p.bytes16();
        try {
            KeysetHandle keyset = TinkProtoKeysetFormat.parseKeyset(p.bytes32(), InsecureSecretKeyAccess.get());
            p.end();
            return new KeyBundle(ds, gen, chunker, packSize, level, idKey, pub, keyset);
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("key bundle keyset unreadable", List.of(objectName));
        }
    }

    private static byte[] ad(String datasetId, int generation) {
        return ("dataembassy-keybundle-v1|" + datasetId + "|" + generation).getBytes(StandardCharsets.UTF_8);
    }
}
