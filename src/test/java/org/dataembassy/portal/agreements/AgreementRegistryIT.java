package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agreement registry end to end with the real OPA: drafting, checks with line and column, the treaty
 * contract, tests, four eyes, publishing a signed bundle that OPA activates, impact analysis and rollback.
 * Each test works on an agreement of its own (a fresh suffix), so the shared context's seeds stay as shipped.
 */
@PortalIntegrationTest
class AgreementRegistryIT {

    static final String LOLA = "lola";
    static final String LEO = "leo";

    @Autowired
    AgreementRegistry registry;
    @Autowired
    PolicyDecisions decisions;
    @Autowired
    PolicyWorkbench workbench;

    private static <T> T lola(Supplier<T> work) {
        return As.user(LOLA, "LEGAL_OFFICER", work);
    }

    private static <T> T leo(Supplier<T> work) {
        return As.user(LEO, "LEGAL_OFFICER", work);
    }

    private static String suffix() {
        return TestAgreements.suffix();
    }

    private AgreementVersion createDraft(String suffix) {
        return lola(() -> registry.create(NewAgreement.fromTemplate("ee_lu", "EE", "FR", "Test agreement " + suffix,
                "test", suffix)));
    }

    private static String inForce(String terms, String classifications) {
        return TestAgreements.inForce(terms, classifications);
    }

    private AgreementVersion publishedAfterReview(AgreementVersion draft) {
        String key = draft.agreementKey();
        lola(() -> registry.submit(key, draft.version()));
        leo(() -> registry.approve(key, draft.version(), "matches the treaty text"));
        lola(() -> registry.publish(key, draft.version()));
        return lola(() -> registry.version(key, draft.version()));
    }

    private PolicyDecision onboard(String key, String classification) {
        return As.user(LOLA, "LEGAL_OFFICER", () -> decisions.decide(new PolicyQuery("dataembassy/onboarding",
                "test:" + key, Map.of("agreement", key, "dataset", Map.of("classification", classification)))));
    }

    @Test
    void seedsAreImportedAsPublishedVersionOne() {
        List<AgreementOverview> all = lola(() -> registry.agreements());
        assertThat(all).filteredOn(a -> a.key().equals("ee_lu")).singleElement().satisfies(a -> {
            assertThat(a.publishedVersion()).isEqualTo(1);
            assertThat(a.lifecycle()).isEqualTo("IN_FORCE");
            assertThat(a.originatingState()).isEqualTo("EE");
            assertThat(a.hostState()).isEqualTo("LU");
        });
        assertThat(lola(() -> registry.version("mc_lu", 1))).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(VersionKind.SEED);
            assertThat(v.status()).isEqualTo(VersionStatus.PUBLISHED);
            assertThat(v.termsJson()).contains("\"id\" : \"mc-lu\"");
        });
    }

    @Test
    void aNewAgreementGoesFromDraftThroughReviewIntoOpaAndItsAnswersChange() {
        String suffix = suffix();
        AgreementVersion v1 = createDraft(suffix);
        String key = v1.agreementKey();
        assertThat(key).isEqualTo("ee_fr_" + suffix);
        assertThat(v1.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(onboard(key, "INTERNAL").reasons()).extracting(Reason::code).contains("AGREEMENT_UNKNOWN");

        AgreementVersion published = publishedAfterReview(v1);
        assertThat(published.status()).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(published.reviewer()).isEqualTo(LEO);
        assertThat(lola(() -> workbench.activeRevision())).isEqualTo(published.bundleRevision());
        assertThat(onboard(key, "INTERNAL").reasons()).extracting(Reason::code).contains("AGREEMENT_NOT_IN_FORCE");

        AgreementVersion v2 = lola(() -> registry.newDraft(key, 1));
        lola(() -> registry.save(key, v2.version(), new DraftContent(inForce(v2.termsJson(), "\"PUBLIC\", \"INTERNAL\""),
                v2.regoSource(), v2.testsSource(), "in force since 2020")));
        publishedAfterReview(v2);
        assertThat(onboard(key, "INTERNAL").outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW);
        assertThat(onboard(key, "CONFIDENTIAL").reasons()).extracting(Reason::code)
                .containsExactly("CLASSIFICATION_NOT_PERMITTED");
        assertThat(lola(() -> registry.version(key, 1)).status()).isEqualTo(VersionStatus.SUPERSEDED);
    }

    @Test
    void theAuthorCannotApproveTheirOwnVersion() {
        AgreementVersion v1 = createDraft(suffix());
        String key = v1.agreementKey();
        lola(() -> registry.submit(key, 1));
        assertThatThrownBy(() -> lola(() -> registry.approve(key, 1, "looks fine to me")))
                .isInstanceOf(FourEyesException.class).hasMessageContaining("four eyes");
        assertThatThrownBy(() -> lola(() -> registry.reject(key, 1, "no")))
                .isInstanceOf(FourEyesException.class);
        assertThat(lola(() -> registry.version(key, 1)).status()).isEqualTo(VersionStatus.IN_REVIEW);
        assertThatThrownBy(() -> leo(() -> registry.publish(key, 1)))
                .isInstanceOf(VersionStateException.class).hasMessageContaining("only an approved version");
        leo(() -> registry.approve(key, 1, "checked against the treaty"));
        assertThatThrownBy(() -> leo(() -> registry.approve(key, 1, "twice")))
                .isInstanceOf(VersionStateException.class);
    }

    @Test
    void invalidRegoIsRefusedWithItsLineAndColumnAndNothingChanges() {
        AgreementVersion v1 = createDraft(suffix());
        String key = v1.agreementKey();
        String broken = v1.regoSource() + "\nbroken_rule contains r if {\n\tr := \n}\n";
        int line = (int) v1.regoSource().lines().count() + 4;
        assertThatThrownBy(() -> lola(() -> registry.save(key, 1, new DraftContent(v1.termsJson(), broken,
                v1.testsSource(), "oops"))))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo(DraftCheck.REGO);
                            assertThat(p.line()).isEqualTo(line);
                            assertThat(p.code()).isEqualTo("rego_parse_error");
                        }));
        assertThat(lola(() -> registry.version(key, 1)).regoSource()).isEqualTo(v1.regoSource());
    }

    @Test
    void aTreatyPackageThatBreaksTheContractIsReported() {
        AgreementVersion v1 = createDraft(suffix());
        String key = v1.agreementKey();
        String withoutTransferDeny = v1.regoSource().lines()
                .filter(l -> !l.startsWith("transfer_deny contains"))
                .reduce("", (a, b) -> a + b + "\n");
        DraftCheck check = lola(() -> registry.check(key, new DraftContent(v1.termsJson(), withoutTransferDeny,
                v1.testsSource(), "")));
        assertThat(check.problems()).extracting(PolicyProblem::code).contains("contract_violation");
        assertThat(check.problems()).extracting(PolicyProblem::message)
                .anySatisfy(m -> assertThat(m).contains("transfer_deny is not defined"));
    }

    @Test
    void aFailingTestKeepsTheDraftFromReview() {
        AgreementVersion v1 = createDraft(suffix());
        String key = v1.agreementKey();
        String tests = v1.testsSource() + "\ntest_deny_" + key + "_always_fails if {\n\tfalse\n}\n";
        lola(() -> registry.save(key, 1, new DraftContent(v1.termsJson(), v1.regoSource(), tests, "a failing test")));
        TestReport report = lola(() -> registry.runTests(key, 1));
        assertThat(report.passed()).isFalse();
        assertThat(report.run().failures()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("test_deny_" + key + "_always_fails");
            assertThat(f.file()).isEqualTo(DraftCheck.TESTS);
        });
        assertThat(report.run().results()).filteredOn(r -> r.passed()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(report.articles()).filteredOn(a -> a.topic().equals("permitted_data")).singleElement()
                .satisfies(a -> assertThat(a.covered()).isPositive());
        assertThatThrownBy(() -> lola(() -> registry.submit(key, 1)))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::code).contains("test_failed"));
        assertThat(lola(() -> registry.version(key, 1)).status()).isEqualTo(VersionStatus.DRAFT);
    }

    @Test
    void contradictoryDatesAndUnknownCountriesAreRefusedByField() {
        assertThatThrownBy(() -> lola(() -> registry.create(NewAgreement.fromTemplate("ee_lu", "XX", "LU", "t", "",
                suffix()))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("originatingState", "\"XX\" is not an ISO 3166-1 alpha-2 country code"));
        AgreementVersion v1 = createDraft(suffix());
        String key = v1.agreementKey();
        String contradictory = inForce(v1.termsJson(), "\"INTERNAL\"")
                .replace("\"in_force_from\" : \"2020-01-01\"", "\"in_force_from\" : \"2018-01-01\"");
        assertThatThrownBy(() -> lola(() -> registry.save(key, 1, new DraftContent(contradictory, v1.regoSource(),
                v1.testsSource(), "dates"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsKey("terms.lifecycle.in_force_from"));
        assertThat(lola(() -> registry.version(key, 1)).termsJson()).isEqualTo(v1.termsJson());
    }

    @Test
    void impactAnalysisListsTheDecisionsADraftWouldChange() {
        AgreementVersion v1 = createDraft(suffix());
        String key = v1.agreementKey();
        lola(() -> registry.save(key, 1, new DraftContent(inForce(v1.termsJson(), "\"PUBLIC\", \"INTERNAL\""),
                v1.regoSource(), v1.testsSource(), "in force")));
        publishedAfterReview(lola(() -> registry.version(key, 1)));
        PolicyDecision allowed = onboard(key, "INTERNAL");
        PolicyDecision publicData = onboard(key, "PUBLIC");
        assertThat(allowed.outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW);

        AgreementVersion v2 = lola(() -> registry.newDraft(key, 1));
        String publicOnly = inForce(v2.termsJson(), "\"PUBLIC\"");
        lola(() -> registry.save(key, 2, new DraftContent(publicOnly, v2.regoSource(), v2.testsSource(), "public only")));
        ImpactReport impact = lola(() -> registry.impact(key, 2, 1));
        assertThat(impact.replayed()).isGreaterThanOrEqualTo(2);
        assertThat(impact.changed()).extracting(ChangedDecision::decisionId)
                .contains(allowed.decisionId()).doesNotContain(publicData.decisionId());
        assertThat(impact.changed()).filteredOn(c -> c.decisionId().equals(allowed.decisionId())).singleElement()
                .satisfies(c -> {
                    assertThat(c.before()).isEqualTo(PolicyDecision.Outcome.ALLOW);
                    assertThat(c.after()).isEqualTo(PolicyDecision.Outcome.DENY);
                    assertThat(c.reasonsAfter()).extracting(Reason::code).containsExactly("CLASSIFICATION_NOT_PERMITTED");
                });

        VersionDiff diff = lola(() -> registry.diff(key, 1, 2));
        assertThat(diff.files()).filteredOn(f -> f.name().equals("terms")).singleElement().satisfies(f -> {
            assertThat(f.changed()).isTrue();
            assertThat(f.rows()).anySatisfy(r -> {
                assertThat(r.kind()).isNotEqualTo(VersionDiff.Kind.SAME);
                assertThat(r.left() + r.right()).contains("INTERNAL");
            });
        });
        assertThat(diff.files()).filteredOn(f -> f.name().equals("rego")).singleElement()
                .satisfies(f -> assertThat(f.changed()).isFalse());
    }

    @Test
    void rollbackIsOneReviewedActionThatRestoresEarlierAnswers() {
        AgreementVersion v1 = createDraft(suffix());
        String key = v1.agreementKey();
        lola(() -> registry.save(key, 1, new DraftContent(inForce(v1.termsJson(), "\"PUBLIC\", \"INTERNAL\""),
                v1.regoSource(), v1.testsSource(), "in force")));
        publishedAfterReview(lola(() -> registry.version(key, 1)));
        AgreementVersion v2 = lola(() -> registry.newDraft(key, 1));
        lola(() -> registry.save(key, 2, new DraftContent(inForce(v2.termsJson(), "\"PUBLIC\""), v2.regoSource(),
                v2.testsSource(), "public only")));
        publishedAfterReview(lola(() -> registry.version(key, 2)));
        assertThat(onboard(key, "INTERNAL").outcome()).isEqualTo(PolicyDecision.Outcome.DENY);

        AgreementVersion rollback = leo(() -> registry.requestRollback(key, 1, "the change was premature"));
        assertThat(rollback.kind()).isEqualTo(VersionKind.ROLLBACK);
        assertThat(rollback.status()).isEqualTo(VersionStatus.IN_REVIEW);
        assertThatThrownBy(() -> leo(() -> registry.approve(key, rollback.version(), "ok")))
                .isInstanceOf(FourEyesException.class);
        lola(() -> registry.approve(key, rollback.version(), "agreed"));
        leo(() -> registry.publish(key, rollback.version()));
        assertThat(onboard(key, "INTERNAL").outcome()).isEqualTo(PolicyDecision.Outcome.ALLOW);
        assertThat(lola(() -> registry.version(key, 2)).status()).isEqualTo(VersionStatus.SUPERSEDED);
    }
}
