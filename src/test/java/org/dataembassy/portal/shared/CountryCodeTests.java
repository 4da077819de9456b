package org.dataembassy.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Codes are shown with their English names; user-assigned codes as test states. */
class CountryCodeTests {

    @Test
    void namesIsoCodesInEnglishAndKeepsTheCode() {
        assertThat(CountryCode.label("EE")).isEqualTo("Estonia (EE)");
        assertThat(CountryCode.label("LU")).isEqualTo("Luxembourg (LU)");
        assertThat(CountryCode.of("de").displayName()).isEqualTo("Germany");
    }

    @Test
    void userAssignedCodesAreTestStates() {
        assertThat(CountryCode.label("XA")).isEqualTo("test state XA (XA)");
        assertThat(CountryCode.displayName("QM")).isEqualTo("test state QM");
        assertThat(CountryCode.displayName("AA")).isEqualTo("test state AA");
        assertThat(CountryCode.displayName("ZZ")).isEqualTo("test state ZZ");
        assertThat(CountryCode.isUserAssigned("QL")).isFalse();
    }

    @Test
    void anythingElseIsShownAsItIs() {
        assertThat(CountryCode.label("Q1")).isEqualTo("Q1");
        assertThat(CountryCode.label("")).isEmpty();
        assertThat(CountryCode.label(null)).isEmpty();
    }
}
