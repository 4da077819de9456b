package org.dataembassy.portal.obligations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, failures 3 and 8: duties with deadlines are tracked, an unfulfilled one becomes a breach on the audit
 * trail (once), and recording it done starts the next period. The agreement is the fictional xa_xb (in force since
 * 2025-01-01, audits at least every twelve months): no audit is on record, so its first audit was due on 2026-01-02.
 */
@PortalIntegrationTest
class ObligationsIT {

    @Autowired
    AgreementRegistry registry;
    @Autowired
    Obligations obligations;
    @Autowired
    AuditTrail audit;

    @Test
    void anOverdueDutyIsABreachOnceAndDoingItStartsTheNextPeriod() {
        String key = TestAgreements.publishedFictional(registry, "xa_xb", "AT", "SI").agreementKey();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        Obligations.Refresh first = As.user("system:scheduler", "SYSTEM", () -> obligations.refresh(key));
        assertThat(first.answered()).isTrue();
        // the yearly audit (due 2026-01-02) is overdue; the two-yearly assessment of the host's law from 2027-01-02
        assertThat(first.breached()).isEqualTo(today.isBefore(LocalDate.of(2027, 1, 2)) ? 1 : 2);
        TrackedObligation audit1 = only(key, "AUDIT_MINIMUM");
        assertThat(audit1.status()).isEqualTo(ObligationStatus.BREACHED);
        assertThat(audit1.due()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(audit1.owedBy()).isEqualTo("AT");
        assertThat(audit1.owedTo()).isEqualTo("SI");
        assertThat(audit1.article()).isEqualTo("Art. 8");
        assertThat(As.user("system:scheduler", "SYSTEM", () -> obligations.refresh(key)).breached())
                .as("a breach is recorded once").isZero();

        assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> obligations.fulfil(audit1.id(), today.plusDays(1),
                "audit report AR-7"))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("on"));
        assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> obligations.fulfil(audit1.id(), today, "ok")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("evidence"));

        TrackedObligation done = As.user("lola", "LEGAL_OFFICER", () -> obligations.fulfil(audit1.id(), today,
                "audit report AR-7 of the hosted systems"));
        assertThat(done.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(done.fulfilledBy()).isEqualTo("lola");
        assertThat(done.breachedAt()).as("done late: the breach stays on record").isNotNull();

        List<TrackedObligation> audits = list(key).stream().filter(o -> o.code().equals("AUDIT_MINIMUM")).toList();
        assertThat(audits).hasSize(2);
        TrackedObligation next = audits.stream().filter(o -> o.status() == ObligationStatus.OPEN).findFirst().orElseThrow();
        assertThat(next.due()).as("twelve months from the day it was done, that day not counted")
                .isEqualTo(today.plusMonths(12).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThatThrownBy(() -> As.user("leo", "LEGAL_OFFICER", () -> obligations.fulfil(audit1.id(), today,
                "audit report AR-7 again"))).isInstanceOf(InvalidInputException.class);

        assertThat(As.user("aude", "AUDITOR", () -> audit.forSubject(TrackedObligation.subject(audit1.id()))))
                .extracting(e -> e.action() + ":" + e.outcome())
                .containsExactly("OBLIGATION_BREACHED:AUDIT_MINIMUM", "OBLIGATION_FULFILLED:AUDIT_MINIMUM");
    }

    /** The seeds' terms (schema_version 1) state no duty with a schedule: nothing is tracked for them. */
    @Test
    void agreementsWithoutScheduledDutiesOweNothing() {
        Obligations.Refresh seed = As.user("system:scheduler", "SYSTEM", () -> obligations.refresh("ee_lu"));
        assertThat(seed.answered()).isTrue();
        assertThat(seed.listed()).isZero();
        assertThat(list("ee_lu")).isEmpty();
    }

    private TrackedObligation only(String key, String code) {
        return list(key).stream().filter(o -> o.code().equals(code)).reduce((a, b) -> {
            throw new AssertionError("more than one " + code);
        }).orElseThrow();
    }

    private List<TrackedObligation> list(String key) {
        return As.user("aude", "AUDITOR", () -> obligations.list(key, 100));
    }
}
