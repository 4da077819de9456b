package org.dataembassy.portal.replication.crypto;

import com.google.crypto.tink.aead.AeadConfig;
import java.security.GeneralSecurityException;

/** Registers Tink's AEAD key types once. */
public final class TinkSetup {
    static {
        try {
            AeadConfig.register();
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
