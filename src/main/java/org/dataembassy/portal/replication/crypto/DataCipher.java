package org.dataembassy.portal.replication.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import org.dataembassy.portal.replication.IntegrityException;
import org.dataembassy.portal.replication.KeyMaterialException;

/**
 * Seals and opens items with a dataset's Tink AES-256-GCM keyset. Associated data is
 * {@code "DEO1" || type || len(ds) || ds || context}; random 96-bit nonces. Thread-safe.
 * The bytes are Tink's AES-GCM format; they are computed with Conscrypt's native AES-GCM when
 * its library loads here ({@link NativeGcm}), else with Tink's JCE primitive.
 */
public final class DataCipher {
    static {
        TinkSetup.ensure();
    }

    /** Same as {@link CryptoPreload#start()}; prefer that, which does not initialise this class first. */
    public static void preloadInBackground() {
        CryptoPreload.start();
    }

    private final Aead aead;
    private final NativeGcm gcm;
    private final byte[] datasetBytes;

    public DataCipher(KeysetHandle keyset, String datasetId) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("unusable data keyset: " + e.getMessage(), e);
        }
        this.gcm = NativeGcm.of(keyset);
        this.datasetBytes = datasetId.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] seal(ObjectType type, byte[] context, byte[] plaintext) {
        try {
            return gcm != null ? gcm.encrypt(plaintext, associatedData(type, context))
                    : aead.encrypt(plaintext, associatedData(type, context));
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("encryption failed: " + e.getMessage(), e);
        }
    }

    /** Seals {@code plaintext[offset, offset+length)}; same result as sealing a copy of that range. */
    public byte[] seal(ObjectType type, byte[] context, byte[] plaintext, int offset, int length) {
        if (gcm == null) {
            return seal(type, context, Arrays.copyOfRange(plaintext, offset, offset + length));
        }
        try {
            return gcm.encrypt(plaintext, offset, length, associatedData(type, context));
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("encryption failed: " + e.getMessage(), e);
        }
    }

    /** Opens a sealed item or throws IntegrityException naming {@code objectName}. */
    public byte[] open(ObjectType type, byte[] context, byte[] sealed, String objectName) {
        try {
            return gcm != null ? gcm.decrypt(sealed, associatedData(type, context))
                    : aead.decrypt(sealed, associatedData(type, context));
        } catch (GeneralSecurityException e) {
            throw new IntegrityException("authentication failed", List.of(objectName));
        }
    }

    byte[] associatedData(ObjectType type, byte[] context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + datasetBytes.length + context.length);
        out.writeBytes(new byte[] {'D', 'E', 'O', '1', (byte) type.code(), (byte) datasetBytes.length});
        out.writeBytes(datasetBytes);
        out.writeBytes(context);
        return out.toByteArray();
    }
}
