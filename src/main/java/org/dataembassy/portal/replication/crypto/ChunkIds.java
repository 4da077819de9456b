package org.dataembassy.portal.replication.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Chunk ids: HMAC-SHA-256 of the plaintext under the dataset's id key. Thread-safe. */
public final class ChunkIds {
    private final ThreadLocal<Mac> macs;

    public ChunkIds(byte[] idKey) {
        SecretKeySpec key = new SecretKeySpec(idKey.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public byte[] id(byte[] data, int offset, int length) {
        Mac mac = macs.get();
        mac.update(data, offset, length);
        return mac.doFinal();
    }
}
