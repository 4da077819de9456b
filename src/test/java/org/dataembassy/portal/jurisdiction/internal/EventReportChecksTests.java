package org.dataembassy.portal.jurisdiction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.jurisdiction.EventKind;
import org.dataembassy.portal.jurisdiction.JurisdictionEventReport;
import org.junit.jupiter.api.Test;

class EventReportChecksTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final List<String> HOST_SITES = List.of("embassy-lu");

    private static Map<String, String> errorsOf(JurisdictionEventReport report, List<String> hostSites) {
        Map<String, String> errors = new LinkedHashMap<>();
        EventReportChecks.check(report, "ee_lu", "LU", hostSites, TODAY, errors);
        return errors;
    }

    @Test
    void aCompleteReportPassesAndIsStrippedWithTodayAsItsFirstDay() {
        Map<String, String> errors = new LinkedHashMap<>();
        EventReportChecks.Checked checked = EventReportChecks.check(new JurisdictionEventReport("ee_lu",
                EventKind.MARTIAL_LAW, "  Martial law declared nationwide  ", " embassy-lu "), "ee_lu", "LU",
                HOST_SITES, TODAY, errors);

        assertThat(errors).isEmpty();
        assertThat(checked).isEqualTo(new EventReportChecks.Checked("Martial law declared nationwide", "embassy-lu",
                TODAY));
    }

    @Test
    void eachFieldIsRefusedByName() {
        assertThat(errorsOf(new JurisdictionEventReport("ee_lu", null, "short", "embassy-mc",
                TODAY.minusYears(51), TODAY.minusYears(52)), HOST_SITES))
                .containsOnlyKeys("kind", "description", "site", "since", "until")
                .containsEntry("kind", "Choose what happened")
                .containsEntry("description", "At least 10 characters");
        assertThat(errorsOf(new JurisdictionEventReport("ee_lu", EventKind.PERIODIC, "x".repeat(2001), null),
                HOST_SITES))
                .containsEntry("kind", "Periodic reviews are started by the schedule; choose the kind of event")
                .containsEntry("description", "At most 2,000 characters");
    }

    @Test
    void aSiteIsNotJudgedWhenTheAgreementIsUnknown() {
        assertThat(errorsOf(new JurisdictionEventReport("xx_yy", EventKind.COURT_ORDER,
                "A court ordered disclosure", "anywhere"), null)).isEmpty();
    }
}
