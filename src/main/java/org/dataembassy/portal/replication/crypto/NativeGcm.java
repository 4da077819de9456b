package org.dataembassy.portal.replication.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AesGcmKey;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.conscrypt.Conscrypt;

/**
 * Tink's AES-GCM wire format ({@code outputPrefix || iv || ciphertext || tag}) computed with
 * Conscrypt's native AES-GCM. The provider is used by reference only, never registered with
 * {@link java.security.Security}, so the rest of the JVM is unaffected. A short CLI run would
 * otherwise spend most of its time in JDK 17's not yet JIT-compiled GHASH/CTR code.
 * {@link #of} returns null (callers use Tink's own primitive) when Conscrypt's native library
 * cannot be loaded on this platform, when {@code -Ddataembassy.replication.nativeGcm=false}
 * is set, or when the keyset holds anything but AES-GCM keys.
 */
final class NativeGcm {
    private static final Provider PROVIDER = loadProvider();
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private record Key(byte[] prefix, SecretKeySpec spec, int ivSize, int tagSize) {
    }

    private final Key primary;
    private final List<Key> keys;
    private final ThreadLocal<Cipher> ciphers;

    private NativeGcm(Key primary, List<Key> keys) {
        this.primary = primary;
        this.keys = keys;
        this.ciphers = ThreadLocal.withInitial(() -> {
            try {
                return Cipher.getInstance("AES/GCM/NoPadding", PROVIDER);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Provider loadProvider() {
        if (!Boolean.parseBoolean(System.getProperty("dataembassy.replication.nativeGcm", "true"))) {
            return null;
        }
        try {
            if (!Conscrypt.isAvailable()) {
                return null;
            }
            Provider p = Conscrypt.newProvider();
            Cipher.getInstance("AES/GCM/NoPadding", p);
            return p;
        } catch (Throwable e) { // NoClassDefFoundError, UnsatisfiedLinkError, GeneralSecurityException
            return null;
        }
    }

    static boolean available() {
        return PROVIDER != null;
    }

    /** A native implementation of {@code keyset}, or null when Tink's own primitive must be used. */
    static NativeGcm of(KeysetHandle keyset) {
        if (PROVIDER == null) {
            return null;
        }
        Key primary = null;
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (!(entry.getKey() instanceof AesGcmKey k)) {
                return null;
            }
            if (entry.getStatus() != KeyStatus.ENABLED) {
                continue;
            }
            Key key = new Key(k.getOutputPrefix().toByteArray(),
                    new SecretKeySpec(k.getKeyBytes().toByteArray(InsecureSecretKeyAccess.get()), "AES"),
                    k.getParameters().getIvSizeBytes(), k.getParameters().getTagSizeBytes());
            keys.add(key);
            if (entry.isPrimary()) {
                primary = key;
            }
        }
        return primary == null ? null : new NativeGcm(primary, List.copyOf(keys));
    }

    byte[] encrypt(byte[] plaintext, byte[] ad) throws GeneralSecurityException {
        return encrypt(plaintext, 0, plaintext.length, ad);
    }

    byte[] encrypt(byte[] plaintext, int offset, int length, byte[] ad) throws GeneralSecurityException {
        Key k = primary;
        int head = k.prefix.length + k.ivSize;
        byte[] out = new byte[head + length + k.tagSize];
        System.arraycopy(k.prefix, 0, out, 0, k.prefix.length);
        byte[] iv = new byte[k.ivSize];
        RANDOM.get().nextBytes(iv);
        System.arraycopy(iv, 0, out, k.prefix.length, iv.length);
        Cipher c = ciphers.get();
        c.init(Cipher.ENCRYPT_MODE, k.spec, new GCMParameterSpec(k.tagSize * 8, iv));
        c.updateAAD(ad);
        int n = c.doFinal(plaintext, offset, length, out, head);
        if (n != length + k.tagSize) {
            throw new GeneralSecurityException("unexpected ciphertext length");
        }
        return out;
    }

    /** Like Tink: keys whose output prefix matches first, then keys without prefix. */
    byte[] decrypt(byte[] ciphertext, byte[] ad) throws GeneralSecurityException {
        for (Key k : keys) {
            if (k.prefix.length > 0 && startsWith(ciphertext, k.prefix)) {
                byte[] plain = tryDecrypt(k, ciphertext, ad);
                if (plain != null) {
                    return plain;
                }
            }
        }
        for (Key k : keys) {
            if (k.prefix.length == 0) {
                byte[] plain = tryDecrypt(k, ciphertext, ad);
                if (plain != null) {
                    return plain;
                }
            }
        }
        throw new GeneralSecurityException("decryption failed");
    }

    private byte[] tryDecrypt(Key k, byte[] ct, byte[] ad) {
        int head = k.prefix.length + k.ivSize;
        if (ct.length < head + k.tagSize) {
            return null;
        }
        try {
            Cipher c = ciphers.get();
            c.init(Cipher.DECRYPT_MODE, k.spec, new GCMParameterSpec(k.tagSize * 8, ct, k.prefix.length, k.ivSize));
            c.updateAAD(ad);
            return c.doFinal(ct, head, ct.length - head);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
