package org.dataembassy.portal.replication.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The native (Conscrypt) path must produce and accept exactly Tink's AES-GCM bytes. */
class NativeGcmTests {
    static {
        TinkSetup.ensure();
    }

    private static KeysetHandle rotated(KeysetHandle old) throws GeneralSecurityException {
        return KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary().setStatus(KeyStatus.ENABLED))
                .build();
    }

    @Test
    void interoperatesWithTinkInBothDirectionsAcrossKeyRotation() throws Exception {
        // given
        assumeTrue(NativeGcm.available(), "Conscrypt native library not loadable here");
        KeysetHandle first = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        KeysetHandle second = rotated(first);
        byte[] ad = "DEO1 associated".getBytes();
        byte[] plain = new byte[300_000];
        new Random(7).nextBytes(plain);
        Aead tinkOld = first.getPrimitive(RegistryConfiguration.get(), Aead.class);
        Aead tink = second.getPrimitive(RegistryConfiguration.get(), Aead.class);
        NativeGcm fast = NativeGcm.of(second);
        // when
        byte[] byNative = fast.encrypt(plain, ad);
        byte[] byTink = tink.encrypt(plain, ad);
        byte[] byOldKey = tinkOld.encrypt(plain, ad);
        // then
        assertThat(byNative).hasSameSizeAs(byTink);
        assertThat(Arrays.copyOf(byNative, 5)).isEqualTo(Arrays.copyOf(byTink, 5));
        assertThat(tink.decrypt(byNative, ad)).isEqualTo(plain);
        assertThat(fast.decrypt(byTink, ad)).isEqualTo(plain);
        assertThat(fast.decrypt(byOldKey, ad)).isEqualTo(plain);
        assertThatThrownBy(() -> tinkOld.decrypt(byNative, ad)).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rejectsTamperedCiphertextAndWrongAssociatedData() throws Exception {
        // given
        assumeTrue(NativeGcm.available(), "Conscrypt native library not loadable here");
        NativeGcm fast = NativeGcm.of(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        byte[] ad = {1, 2, 3};
        byte[] sealed = fast.encrypt("payload".getBytes(), ad);
        // when / then
        for (int i = 0; i < sealed.length; i++) {
            byte[] variant = sealed.clone();
            variant[i] ^= 0x40;
            assertThatThrownBy(() -> fast.decrypt(variant, ad)).isInstanceOf(GeneralSecurityException.class);
        }
        assertThatThrownBy(() -> fast.decrypt(sealed, new byte[] {1, 2, 4})).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> fast.decrypt(Arrays.copyOf(sealed, 20), ad)).isInstanceOf(GeneralSecurityException.class);
    }
}
