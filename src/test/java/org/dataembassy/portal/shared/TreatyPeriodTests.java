package org.dataembassy.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreatyPeriodTests {

    @Test
    void readsEveryPartATreatyWrites() {
        assertThat(TreatyPeriod.parse("P1Y2M3W4DT5H6M")).contains(new TreatyPeriod(1, 2, 3, 4, 5, 6));
        assertThat(TreatyPeriod.parse("P180D")).contains(new TreatyPeriod(0, 0, 0, 180, 0, 0));
        assertThat(TreatyPeriod.parse("PT30M")).contains(new TreatyPeriod(0, 0, 0, 0, 0, 30));
        assertThat(TreatyPeriod.parse("P12M")).contains(new TreatyPeriod(0, 12, 0, 0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "P1DT", "P1.5Y", "90 days", "p30d", "PT5S", "P-1D", "1D", "P1D ", " P1D", "P1H",
            "P1M1Y", "P99999999999D"})
    void refusesWhatIsNotATreatyPeriod(String text) {
        assertThat(TreatyPeriod.parse(text)).isEmpty();
        assertThat(TreatyPeriod.isPeriod(text)).isFalse();
    }

    @Test
    void nullIsNoPeriod() {
        assertThat(TreatyPeriod.parse(null)).isEmpty();
    }

    @Test
    void noticePeriodsCountInHours() {
        assertThat(TreatyPeriod.parse("P1W").orElseThrow().wholeHours()).isEqualTo(168);
        assertThat(TreatyPeriod.parse("P1DT12H").orElseThrow().wholeHours()).isEqualTo(36);
        assertThat(TreatyPeriod.parse("PT24H").orElseThrow().inWeeksDaysAndHours()).isTrue();
        assertThat(TreatyPeriod.parse("P1M").orElseThrow().inWeeksDaysAndHours()).isFalse();
        assertThat(TreatyPeriod.parse("PT30M").orElseThrow().inWeeksDaysAndHours()).isFalse();
        assertThatThrownBy(() -> TreatyPeriod.parse("P1Y").orElseThrow().wholeHours())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsBackOnTheUtcCalendarThenInElapsedTime() {
        Instant due = Instant.parse("2027-03-31T10:00:00Z");
        assertThat(TreatyPeriod.parse("P1M").orElseThrow().before(due)).isEqualTo(Instant.parse("2027-02-28T10:00:00Z"));
        assertThat(TreatyPeriod.parse("P1Y1M").orElseThrow().before(due)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(TreatyPeriod.parse("P1W2D").orElseThrow().before(due)).isEqualTo(Instant.parse("2027-03-22T10:00:00Z"));
        assertThat(TreatyPeriod.parse("P1DT12H30M").orElseThrow().before(due))
                .isEqualTo(Instant.parse("2027-03-29T21:30:00Z"));
    }
}
