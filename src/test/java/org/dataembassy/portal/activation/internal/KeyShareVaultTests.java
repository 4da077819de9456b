package org.dataembassy.portal.activation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyShareVaultTests {

    @Test
    void holdsOneSharePerMemberPerActivationUntilWiped() {
        KeyShareVault vault = new KeyShareVault();
        vault.put("a1", "cora", " share-1 ");
        vault.put("a1", "cora", "share-1");
        vault.put("a1", "cade", "share-2");
        vault.put("a2", "cora", "share-9");
        assertThat(vault.shares("a1")).containsExactlyInAnyOrder("share-1", "share-2");
        assertThat(vault.count("a1")).isEqualTo(2);

        vault.wipe("a1");

        assertThat(vault.shares("a1")).isEmpty();
        assertThat(vault.shares("a2")).containsExactly("share-9");
    }
}
