package org.dataembassy.portal.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.policy.DecisionHistory;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.policy.RecordedDecision;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13, failure 4: a host-state event recorded with a jurisdiction review reaches every treaty decision as
 * {@code input.facts.events}, is recorded with the decision, and stops at its last day (included). The agreement is
 * the fictional xa_xb (martial law in the host state: onboarding and replication go to a legal officer), published
 * between two states no other test uses, so the event touches nothing else.
 */
@PortalIntegrationTest
class SituationFactsIT {

    @Autowired
    AgreementRegistry registry;
    @Autowired
    JurisdictionReviews reviews;
    @Autowired
    PolicyDecisions decisions;
    @Autowired
    DecisionHistory history;
    @Autowired
    HostSituation situation;

    private static final Map<String, Object> INTERNAL = Map.of("classification", "INTERNAL", "personal_data", false);

    @Test
    void aRecordedEventReachesDecisionsUntilItsLastDay() {
        String key = TestAgreements.publishedFictional(registry, "xa_xb", "AT", "HU").agreementKey();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(onboarding(key, null).outcome()).as("before the event").isEqualTo(PolicyDecision.Outcome.ALLOW);

        JurisdictionReview review = As.user("lola", "LEGAL_OFFICER", () -> reviews.report(new JurisdictionEventReport(
                key, EventKind.MARTIAL_LAW, "Martial law declared nationwide by decree", null, today, null)));
        HostStateEvent event = As.user("lola", "LEGAL_OFFICER", () -> situation.events(500)).stream()
                .filter(e -> e.reference().equals("jurisdiction-review:" + review.id())).findFirst().orElseThrow();
        try {
            assertThat(event.kind()).isEqualTo("martial_law");
            assertThat(event.reviewId()).isEqualTo(review.id());
            assertThat(event.state()).isEqualTo("HU");

            PolicyDecision during = onboarding(key, null);
            assertThat(during.outcome()).isEqualTo(PolicyDecision.Outcome.REVIEW_REQUIRED);
            assertThat(during.reasons()).extracting(Reason::code).containsExactly("HOST_EVENT_MARTIAL_LAW");
            assertThat(during.reasons()).extracting(Reason::article).containsExactly("Art. 10");
            assertThat(recorded(during).input().get("facts").toString()).contains("martial_law", review.id());

            String yesterday = today.minusDays(1) + "T12:00:00Z";
            assertThat(onboarding(key, yesterday).outcome()).as("a decision dated before the event")
                    .isEqualTo(PolicyDecision.Outcome.ALLOW);

            assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> situation.endEvent(event.id(), today.minusDays(1))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("until"));
            HostStateEvent ended = As.user("leo", "LEGAL_OFFICER", () -> situation.endEvent(event.id(), today));
            assertThat(ended.until()).isEqualTo(today);
            assertThat(ended.endedBy()).isEqualTo("leo");
            assertThat(onboarding(key, today + "T23:59:59Z").outcome()).as("its last day is included")
                    .isEqualTo(PolicyDecision.Outcome.REVIEW_REQUIRED);
            assertThat(onboarding(key, today.plusDays(1) + "T00:00:00Z").outcome()).as("the day after")
                    .isEqualTo(PolicyDecision.Outcome.ALLOW);
            assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> situation.endEvent(event.id(), today)))
                    .isInstanceOf(InvalidInputException.class);
        } finally {
            if (event.until() == null) {
                try {
                    As.user("lola", "LEGAL_OFFICER", () -> situation.endEvent(event.id(), today));
                } catch (InvalidInputException alreadyEnded) {
                    // ended by the test itself
                }
            }
        }
    }

    /** A caller's what-if facts are kept, and recorded facts are added to them: no caller can leave one out. */
    @Test
    void statedFactsAreKeptBesideTheRecordedOnes() {
        String key = TestAgreements.publishedFictional(registry, "xc_xd", "BE", "LU").agreementKey();
        Map<String, Object> soe = Map.of("id", "what-if", "kind", "state_of_emergency", "state", "LU",
                "start", "2026-02-25", "reference", "what if", "source", "test");
        PolicyDecision d = As.user("system:test", "SYSTEM", () -> decisions.decide(new PolicyQuery("dataembassy/onboarding",
                "test:facts", Map.of("agreement", key, "at", "2026-03-01T00:00:00Z", "dataset", INTERNAL,
                "facts", Map.of("events", List.of(soe))))));
        assertThat(d.reasons()).extracting(Reason::code).containsExactly("HOST_EVENT_STATE_OF_EMERGENCY");
    }

    @Test
    void reportsWithContradictoryDaysAreRefusedBesideTheField() {
        String key = TestAgreements.publishedFictional(registry, "xa_xb", "AT", "SK").agreementKey();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> reviews.report(new JurisdictionEventReport(
                key, EventKind.STATE_OF_EMERGENCY, "State of emergency declared", null, today, today.minusDays(2)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("until"));
        assertThat(As.user("lola", "LEGAL_OFFICER", () -> situation.events(500)))
                .noneMatch(e -> e.state().equals("SK"));
    }

    private PolicyDecision onboarding(String key, String at) {
        Map<String, Object> input = at == null ? Map.of("agreement", key, "dataset", INTERNAL)
                : Map.of("agreement", key, "at", at, "dataset", INTERNAL);
        return As.user("system:test", "SYSTEM", () -> decisions.decide(new PolicyQuery("dataembassy/onboarding",
                "test:situation", input)));
    }

    private RecordedDecision recorded(PolicyDecision decision) {
        return As.user("aude", "AUDITOR", () -> history.since(Instant.now().minusSeconds(120), 10_000)).stream()
                .filter(d -> d.id().equals(decision.decisionId())).findFirst().orElseThrow();
    }
}
