package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The activation's host notice in hours, as the activation workflow counts it. */
class AgreementTermsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static int hours(String within) throws Exception {
        return AgreementTerms.noticeHours(JSON.readTree(within == null ? "{}" : "{\"within\": \"" + within + "\"}"));
    }

    @Test
    void weeksDaysAndHoursAllCount() throws Exception {
        assertThat(hours("PT24H")).isEqualTo(24);
        assertThat(hours("P2D")).isEqualTo(48);
        assertThat(hours("P1W")).isEqualTo(168);
        assertThat(hours("P1DT12H")).isEqualTo(36);
    }

    @Test
    void noPeriodStatedMeansADay() throws Exception {
        assertThat(hours(null)).isEqualTo(24);
    }
}
