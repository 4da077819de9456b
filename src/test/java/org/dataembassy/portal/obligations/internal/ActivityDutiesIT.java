package org.dataembassy.portal.obligations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.jurisdiction.ReviewOutcome;
import org.dataembassy.portal.jurisdiction.ReviewStatus;
import org.dataembassy.portal.obligations.ObligationStatus;
import org.dataembassy.portal.obligations.Obligations;
import org.dataembassy.portal.obligations.TrackedObligation;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, "obligations end to end": workflows turn duties into tracked obligations and meet them. A periodic
 * assessment the treaty asks for (xa_xb Art. 10, every two years, {@code fulfilled_by: jurisdiction_review}) is
 * reminded a fifth of its period before it is due, starts a jurisdiction review once, and is met when that review
 * closes; an activation declared ACTIVE under a treaty whose host notice is due after activation (xc_xd Art. 11(2),
 * 24 hours) owes that notice, breached when late and done when the portal recorded it.
 */
@PortalIntegrationTest
class ActivityDutiesIT {

    @Autowired
    AgreementRegistry registry;
    @Autowired
    Obligations obligations;
    @Autowired
    JurisdictionReviews reviews;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aPeriodicAssessmentFallingDueStartsOneReviewAndItsClosingMeetsTheDuty() {
        String key = TestAgreements.publishedFictional(registry, "xa_xb", "AT", "RO").agreementKey();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        As.user(Obligations.SCHEDULER, "SYSTEM", () -> obligations.refresh(key));

        TrackedObligation duty = only(key, "JURISDICTION_ASSESSMENT", null);
        assertThat(duty.fulfilledThrough()).isEqualTo(Obligations.JURISDICTION_REVIEW);
        assertThat(duty.article()).isEqualTo("Art. 10");
        assertThat(duty.due()).as("two years from entry into force (2025-01-01), that day not counted")
                .isEqualTo(Instant.parse("2027-01-02T00:00:00Z"));
        assertThat(duty.remindAt()).as("a fifth of 730 days (146) before it is due")
                .isEqualTo(Instant.parse("2026-08-09T00:00:00Z"));
        if (duty.status() == ObligationStatus.OPEN) { // until 2027-01-02: reminded, not breached
            assertThat(duty.remindedAt()).isNotNull();
            assertThat(As.user("aude", "AUDITOR", () -> audit.forSubject(TrackedObligation.subject(duty.id()))))
                    .extracting(e -> e.action() + ":" + e.outcome()).containsExactly("OBLIGATION_DUE_SOON:JURISDICTION_ASSESSMENT");
        } else {
            assertThat(duty.status()).isEqualTo(ObligationStatus.BREACHED);
        }
        assertThat(As.user(Obligations.SCHEDULER, "SYSTEM", () -> obligations.refresh(key)).reminded())
                .as("a reminder goes out once").isZero();
        assertThat(As.user(Obligations.SCHEDULER, "SYSTEM", () -> obligations.awaiting(Obligations.JURISDICTION_REVIEW)))
                .extracting(TrackedObligation::id).contains(duty.id());

        Instant since = duty.remindedAt() != null ? duty.remindedAt() : duty.breachedAt();
        JurisdictionReview started = As.user(Obligations.SCHEDULER, "SYSTEM",
                () -> reviews.startForDuty(key, since, duty.action())).orElseThrow();
        assertThat(started.origin()).isEqualTo(JurisdictionReview.PERIODIC);
        assertThat(As.user(Obligations.SCHEDULER, "SYSTEM", () -> reviews.startForDuty(key, since, duty.action())))
                .as("once per duty falling due").isEmpty();

        WorkTask assess = awaitTask("leo", "LEGAL_OFFICER", started.id());
        As.run("leo", "LEGAL_OFFICER", () -> reviews.assess(assess.id(), ReviewOutcome.CONTINUE,
                "Nothing in the host State's law affects the embassy; the assessment is sent to the host"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> As.user("aude", "AUDITOR", () -> reviews.find(started.id())).status() == ReviewStatus.CLOSED);

        TrackedObligation met = list(key).stream().filter(o -> o.id().equals(duty.id())).findFirst().orElseThrow();
        assertThat(met.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(met.fulfilledOn()).isEqualTo(today);
        assertThat(met.evidence()).contains("jurisdiction review " + started.id()).contains("CONTINUE");
        TrackedObligation next = only(key, "JURISDICTION_ASSESSMENT", ObligationStatus.OPEN);
        assertThat(next.due()).as("the next period runs from the review, that day not counted")
                .isEqualTo(today.plusYears(2).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(As.user("aude", "AUDITOR", () -> audit.forSubject(TrackedObligation.subject(duty.id()))))
                .extracting(e -> e.action()).contains("OBLIGATION_FULFILLED");
    }

    @Test
    void anActivationOwesTheHostANoticeAfterItBreachedWhenLateAndDoneWhenRecorded() {
        String key = TestAgreements.publishedFictional(registry, "xc_xd", "PT", "ES").agreementKey();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String late = activation(key, now.minus(Duration.ofHours(30)));
        String fresh = activation(key, now.minus(Duration.ofHours(1)));
        As.user(Obligations.SCHEDULER, "SYSTEM", () -> obligations.refresh(key));

        List<TrackedObligation> notices = list(key).stream().filter(o -> o.code().equals("HOST_NOTICE_AFTER_ACTIVATION")).toList();
        assertThat(notices).hasSize(2);
        TrackedObligation breached = notices.stream().filter(o -> o.due().equals(now.minus(Duration.ofHours(6)))).findFirst()
                .orElseThrow();
        assertThat(breached.status()).as("activated 30 h ago, notice due within 24 h").isEqualTo(ObligationStatus.BREACHED);
        assertThat(breached.article()).isEqualTo("Art. 11(2)");
        assertThat(breached.owedBy()).isEqualTo("PT");
        TrackedObligation open = notices.stream().filter(o -> o.due().equals(now.plus(Duration.ofHours(23)))).findFirst()
                .orElseThrow();
        assertThat(open.status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(open.remindAt()).as("4.8 h (a fifth of 24 h) before it is due")
                .isEqualTo(open.due().minus(Duration.ofMinutes(288)));

        jdbc.sql("update emergency_activation set notified_at = ? where id = ?").params(Timestamp.from(now), fresh).update();
        As.user(Obligations.SCHEDULER, "SYSTEM", () -> obligations.refresh(key));
        TrackedObligation done = list(key).stream().filter(o -> o.id().equals(open.id())).findFirst().orElseThrow();
        assertThat(done.status()).isEqualTo(ObligationStatus.FULFILLED);
        assertThat(done.evidence()).contains("portal's own records");
        assertThat(list(key).stream().filter(o -> o.id().equals(breached.id())).findFirst().orElseThrow().status())
                .as("the late one stays breached").isEqualTo(ObligationStatus.BREACHED);
        assertThat(late).isNotEqualTo(fresh);
    }

    /** An activation of the agreement declared ACTIVE at {@code activatedAt} and stood down since, without notice. */
    private String activation(String key, Instant activatedAt) {
        String id = UUID.randomUUID().toString();
        Timestamp at = Timestamp.from(activatedAt);
        jdbc.sql("insert into emergency_activation (id, agreement_key, site, emergency_type, justification, declarations,"
                        + " rehearsal, triggered_by, trigger_role, triggered_at, status, quorum_m, quorum_n, notice_hours,"
                        + " decision_reasons, notice_overdue, stand_down_round, updated_at, activated_at)"
                        + " values (?, ?, 'xd-embassy-1', 'CYBER_ATTACK', 'test', 'CRISIS_DECLARED', false, 'cara',"
                        + " 'GOVERNMENT_CIO', ?, 'STOOD_DOWN', 2, 3, 24, '', false, 1, ?, ?)")
                .params(id, key, at, at, at).update();
        return id;
    }

    private WorkTask awaitTask(String user, String role, String reviewId) {
        String subject = JurisdictionReview.subject(reviewId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                As.user(user, role, () -> tasks.mine()).stream().anyMatch(t -> subject.equals(t.businessKey())));
        return As.user(user, role, () -> tasks.mine()).stream().filter(t -> subject.equals(t.businessKey())).findFirst()
                .orElseThrow();
    }

    private TrackedObligation only(String key, String code, ObligationStatus status) {
        List<TrackedObligation> found = list(key).stream().filter(o -> o.code().equals(code))
                .filter(o -> status == null || o.status() == status).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private List<TrackedObligation> list(String key) {
        return As.user("aude", "AUDITOR", () -> obligations.list(key, 100));
    }
}
