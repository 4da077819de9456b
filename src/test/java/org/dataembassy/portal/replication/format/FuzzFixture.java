package org.dataembassy.portal.replication.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.dataembassy.portal.replication.crypto.DataCipher;
import org.dataembassy.portal.replication.crypto.ManifestSigner;
import org.dataembassy.portal.replication.crypto.TinkSetup;

/** Keys shared by the fuzz targets (dataset "ds") and the invariants every parsed manifest keeps. */
final class FuzzFixture {
    static final DataCipher CIPHER;
    static final KeyPair SIGNING = ManifestSigner.generate();

    static {
        TinkSetup.ensure();
        try {
            CIPHER = new DataCipher(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), "ds");
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FuzzFixture() {
    }

    /** What restore relies on: relative paths without "..", "." or empty segments; sane sizes. */
    static void assertSafe(Manifest m) {
        assertThat(m.entries()).allSatisfy(e -> {
            assertThat(e.path()).isNotEmpty().doesNotStartWith("/").doesNotContain("\\").doesNotContain("\0");
            assertThat(e.path().split("/", -1)).doesNotContain("..", ".", "");
            assertThat(e.size()).isNotNegative();
            if (e.type() == EntryType.FILE) {
                assertThat(e.sha256()).hasSize(64);
            } else {
                assertThat(e.chunks()).isEmpty();
            }
        });
    }
}
