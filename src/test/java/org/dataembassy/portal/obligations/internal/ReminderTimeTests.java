package org.dataembassy.portal.obligations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.dataembassy.portal.policy.Obligation;
import org.junit.jupiter.api.Test;

class ReminderTimeTests {

    private static final Instant SEEN = Instant.parse("2026-01-01T00:00:00Z");

    private static Obligation due(String due, String within) {
        return new Obligation("X", "Do it", "Art. 1", "audit.minimum", "xa-xb", "XA", "XB", Instant.parse(due), within,
                false, "open", null);
    }

    @Test
    void aYearlyDutyIsRemindedAFifthOfTheYearBefore() {
        // 2026-06-11 back twelve months is 2025-06-11: 365 days; a fifth is 73 days
        assertThat(ReminderTime.of(due("2026-06-11T00:00:00Z", "P12M"), 0.2, SEEN))
                .isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
    }

    @Test
    void anHourlyNoticeCountsHoursAndAMixedPeriodBoth() {
        assertThat(ReminderTime.of(due("2026-03-02T20:00:00Z", "PT24H"), 0.25, SEEN))
                .isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
        assertThat(ReminderTime.of(due("2026-03-03T00:00:00Z", "P1DT12H"), 0.5, SEEN))
                .isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
    }

    @Test
    void aFixedDateCountsFromWhenTheDutyWasFirstSeenAndNoShareMeansAtTheDueInstant() {
        assertThat(ReminderTime.of(due("2026-01-11T00:00:00Z", null), 0.5, SEEN)).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
        assertThat(ReminderTime.of(due("2026-01-11T00:00:00Z", "P10D"), 0.0, SEEN)).isEqualTo(Instant.parse("2026-01-11T00:00:00Z"));
    }

    @Test
    void aPeriodTheCalendarCannotReadCountsFromFirstSeen() {
        assertThat(ReminderTime.of(due("2026-01-11T00:00:00Z", "soon"), 0.5, SEEN)).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
    }
}
