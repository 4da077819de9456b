package org.dataembassy.portal.replication.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dataembassy.portal.replication.DuplicateShareException;
import org.dataembassy.portal.replication.InsufficientSharesException;
import org.dataembassy.portal.replication.InvalidShareException;
import org.dataembassy.portal.replication.WrongKeyException;
import org.junit.jupiter.api.Test;

class KekSharingTests {
    private final Kek kek = Kek.generate();
    private final List<String> shares = KekSharing.split(kek, 3, 5).stream().map(KekShare::format).toList();

    @Test
    void unsealsFromAnyThresholdSubset() {
        // given / when / then
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                for (int k = j + 1; k < 5; k++) {
                    Kek back = KekSharing.unseal(List.of(shares.get(i), shares.get(j), shares.get(k)), kek.fingerprint());
                    assertThat(back).isEqualTo(kek);
                }
            }
        }
        assertThat(KekSharing.unseal(shares, null)).isEqualTo(kek);
    }

    @Test
    void rejectsFewerThanThresholdShares() {
        assertThatThrownBy(() -> KekSharing.unseal(shares.subList(0, 2), null))
                .isInstanceOf(InsufficientSharesException.class).hasMessageContaining("need 3");
    }

    @Test
    void rejectsADuplicatedShare() {
        assertThatThrownBy(() -> KekSharing.unseal(List.of(shares.get(0), shares.get(1), shares.get(1)), null))
                .isInstanceOf(DuplicateShareException.class);
    }

    @Test
    void rejectsACorruptedShareByChecksum() {
        // given
        String s = shares.get(2);
        int pos = s.lastIndexOf('-') - 3;
        String corrupted = s.substring(0, pos) + (s.charAt(pos) == '0' ? '1' : '0') + s.substring(pos + 1);
        // when / then
        assertThatThrownBy(() -> KekSharing.unseal(List.of(shares.get(0), shares.get(1), corrupted), null))
                .isInstanceOf(InvalidShareException.class).hasMessageContaining("checksum");
    }

    @Test
    void rejectsAShareOfAnotherSplit() {
        // given
        String foreign = KekSharing.split(Kek.generate(), 3, 5).get(2).format();
        // when / then
        assertThatThrownBy(() -> KekSharing.unseal(List.of(shares.get(0), shares.get(1), foreign), null))
                .isInstanceOf(InvalidShareException.class);
    }

    @Test
    void detectsAWellFormedButWrongShareByFingerprint() {
        // given: a share with valid checksum but altered payload, as a malicious holder could craft
        KekShare real = KekShare.parse(shares.get(2));
        byte[] payload = real.payload().clone();
        payload[0] ^= 1;
        String forged = new KekShare(real.threshold(), real.total(), real.index(), real.setId(), real.fingerprintPrefix(), payload).format();
        // when / then
        assertThatThrownBy(() -> KekSharing.unseal(List.of(shares.get(0), shares.get(1), forged), null))
                .isInstanceOf(WrongKeyException.class);
    }

    @Test
    void rejectsSharesOfAnotherStatesKek() {
        // given
        Kek other = Kek.generate();
        List<String> otherShares = KekSharing.split(other, 2, 2).stream().map(KekShare::format).toList();
        // when / then
        assertThatThrownBy(() -> KekSharing.unseal(otherShares, kek.fingerprint())).isInstanceOf(WrongKeyException.class);
    }

    @Test
    void neverPrintsTheKeyInToString() {
        assertThat(kek.toString()).doesNotContain(kek.toHex());
        assertThat(KekShare.parse(shares.get(0)).toString()).doesNotContain(shares.get(0).split("-")[6]);
    }
}
