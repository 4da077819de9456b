package org.dataembassy.portal.replication.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dataembassy.portal.replication.WrongKeyException;

/**
 * A state's 256-bit key-encryption key. {@link #fingerprint()} identifies it without revealing
 * it. {@link #toString()} never prints the key.
 */
public final class Kek {
    public static final int LENGTH = 32;
    private final byte[] key;

    public Kek(byte[] key) {
        if (key.length != LENGTH) {
            throw new WrongKeyException("a KEK has 32 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    public static Kek generate() {
        byte[] k = new byte[LENGTH];
        new SecureRandom().nextBytes(k);
        return new Kek(k);
    }

    public static Kek fromHex(String hex) {
        try {
            return new Kek(HexFormat.of().parseHex(hex.trim()));
        } catch (IllegalArgumentException e) {
            throw new WrongKeyException("KEK is not 64 hex digits");
        }
    }

    public String toHex() {
        return HexFormat.of().formatHex(key);
    }

    byte[] bytes() {
        return key.clone();
    }

    public byte[] fingerprint() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal("dataembassy-kek-fingerprint-v1".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint());
    }

    /** Tink AES-256-GCM primitive keyed by the KEK (Tink picks nonces). */
    public Aead aead() {
        try {
            return new AesGcmJce(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kek other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fingerprint());
    }

    @Override
    public String toString() {
        return "Kek[" + fingerprintHex().substring(0, 16) + "]";
    }
}
