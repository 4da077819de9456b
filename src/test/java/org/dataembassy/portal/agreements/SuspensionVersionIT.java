package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: an agreement's own tests keep working through a suspension version. A jurisdiction review's suspension
 * takes effect on its day; the tests copied from the template state their decision date (2026-03-01), so they
 * describe the agreement as it was then and pass on the suspended version as on the one before, while a decision
 * dated now is refused.
 */
@PortalIntegrationTest
class SuspensionVersionIT {

    @Autowired
    AgreementRegistry registry;
    @Autowired
    TreatyRules rules;

    @Test
    void theAgreementsTestsPassOnTheSuspensionVersionWhileTodaysDecisionsAreRefused() {
        AgreementVersion v1 = TestAgreements.publishedInForce(registry, "FI", "\"PUBLIC\", \"INTERNAL\", \"RESTRICTED\"");
        String key = v1.agreementKey();
        TestReport before = As.user("aude", "AUDITOR", () -> registry.runTests(key, 1));
        assertThat(before.passed()).isTrue();
        int tests = before.run().results().size();

        AgreementRegistry.Publication suspended = As.user("system:workflow", "SYSTEM", () -> registry.applyJurisdictionOutcome(
                key, AgreementMeasure.SUSPEND, "jurisdiction-review:test-" + key, "leo", "Court order against the facility"));
        assertThat(suspended.version()).isEqualTo(2);
        AgreementVersion v2 = As.user("aude", "AUDITOR", () -> registry.version(key, 2));
        assertThat(v2.termsJson()).contains("\"status\" : \"SUSPENDED\"");

        assertThat(onboarding(key, "2026-03-01T00:00:00Z").outcome()).as("dated before the suspension")
                .isEqualTo(PolicyDecision.Outcome.ALLOW);
        PolicyDecision now = onboarding(key, Instant.now().toString());
        assertThat(now.outcome()).isEqualTo(PolicyDecision.Outcome.DENY);
        assertThat(now.reasons()).extracting(Reason::code).containsExactly("AGREEMENT_NOT_IN_FORCE");

        TestReport after = As.user("aude", "AUDITOR", () -> registry.runTests(key, 2));
        assertThat(after.run().results()).hasSize(tests);
        assertThat(after.passed()).as("the tests state their date, before the suspension: %s", after.run()).isTrue();
    }

    private PolicyDecision onboarding(String key, String at) {
        return As.user("aude", "AUDITOR", () -> rules.evaluate(EntryPoint.ONBOARDING, Map.of("agreement", key, "at", at,
                "dataset", Map.of("classification", "INTERNAL", "personal_data", false, "register", ""))));
    }
}
