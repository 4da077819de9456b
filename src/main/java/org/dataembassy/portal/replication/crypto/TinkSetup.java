package org.dataembassy.portal.replication.crypto;

import com.google.crypto.tink.aead.AeadWrapper;
import com.google.crypto.tink.aead.AesGcmKeyManager;
import java.security.GeneralSecurityException;

/**
 * Registers, once, what the format uses of Tink: the AES-GCM key type (data keysets are
 * {@code AES256_GCM} only, section 5.1 of the format) and the AEAD keyset wrapper. Not
 * {@code AeadConfig.register()}: registering every AEAD and MAC key type cost about half a
 * second of CPU at each CLI start.
 */
public final class TinkSetup {
    static {
        try {
            AeadWrapper.register();
            AesGcmKeyManager.register(true);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TinkSetup() {
    }

    /** Idempotent; call before parsing or generating keysets. */
    public static void ensure() {
        // class initialisation does the work
    }
}
