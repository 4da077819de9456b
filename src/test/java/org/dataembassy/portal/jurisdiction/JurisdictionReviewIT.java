package org.dataembassy.portal.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementStanding;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.NewAgreement;
import org.dataembassy.portal.agreements.VersionKind;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingApplication;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.datasets.Register;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.policy.AccessRefusedException;
import org.dataembassy.portal.replication.ConfiguredSites;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;
import org.dataembassy.portal.transfers.TransferStatus;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Jurisdiction reviews end to end on agreements of the test's own (EE → LU with a fresh suffix, covering home-ee,
 * embassy-lu and embassy-mc): the real OPA answers the jurisdiction checks and judges the next transfer, the real
 * registry publishes the restriction or suspension in a signed bundle, the real Camunda job executor runs the
 * steps and the real engine evacuates the folder site.
 */
@PortalIntegrationTest
class JurisdictionReviewIT {

    private static final String SITES = "\"sites\" : [ {\"id\": \"home-ee\", \"state\": \"EE\", \"role\": \"origin\"}, "
            + "{\"id\": \"embassy-lu\", \"state\": \"LU\", \"role\": \"embassy\"}, "
            + "{\"id\": \"embassy-mc\", \"state\": \"MC\", \"role\": \"embassy\"} ]";

    @Autowired
    JurisdictionReviews reviews;
    @Autowired
    AgreementRegistry registry;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    DatasetReplication replication;
    @Autowired
    ConfiguredSites sites;
    @Autowired
    CrossBorderTransfers transfers;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;

    /** A new agreement EE → LU in force, covering the portal's three sites, published as v1 after review. */
    private String agreement() {
        String suffix = TestAgreements.suffix();
        AgreementVersion v1 = As.user("lola", "LEGAL_OFFICER", () -> registry.create(
                NewAgreement.fromTemplate("ee_lu", "EE", "LU", "Jurisdiction test " + suffix, "test", suffix)));
        String key = v1.agreementKey();
        String terms = TestAgreements.inForce(v1.termsJson(), "\"INTERNAL\"").replace("\"sites\" : [ ]", SITES);
        assertThat(terms).contains("embassy-mc");
        As.run("lola", "LEGAL_OFFICER", () -> {
            registry.save(key, 1, new DraftContent(terms, v1.regoSource(), v1.testsSource(), "in force"));
            registry.submit(key, 1);
        });
        As.run("leo", "LEGAL_OFFICER", () -> registry.approve(key, 1, "matches the treaty"));
        As.run("lola", "LEGAL_OFFICER", () -> registry.publish(key, 1));
        return key;
    }

    /** A dataset of dora's under {@code key}, replicated to {@code siteIds} and ACTIVE. */
    private OnboardingRequest activeDataset(String key, List<String> siteIds) throws Exception {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", new OnboardingApplication("Register " + key, "Ministry of Justice",
                "Land Register Act § 3", Classification.INTERNAL, false, Register.NONE, key, 1, List.of(), 24));
        WorkTask keys = slice.awaitTask("sam", "SECURITY_OFFICER", request.id());
        Path root = As.user("sam", "SECURITY_OFFICER", () -> activation.sourceRoots()).get(0);
        Path source = Files.createDirectories(root.resolve("src-" + UUID.randomUUID()));
        Files.writeString(source.resolve("parcels.csv"), "parcel;owner;area\n".repeat(4000));
        As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true, source.toString(), siteIds, ""));
        return slice.awaitStatus("dora", request.id(), OnboardingStatus.ACTIVE);
    }

    private JurisdictionReview report(String officer, String key, EventKind kind, String site) {
        return As.user(officer, "LEGAL_OFFICER", () -> reviews.report(new JurisdictionEventReport(key, kind,
                "Reported for the test: " + kind.label(), site)));
    }

    private JurisdictionReview awaitStatus(String id, ReviewStatus status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> As.user("aude", "AUDITOR", () -> reviews.find(id)).status() == status);
        return As.user("aude", "AUDITOR", () -> reviews.find(id));
    }

    private WorkTask awaitTask(String user, String role, String reviewId) {
        String key = JurisdictionReview.subject(reviewId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                As.user(user, role, () -> tasks.mine()).stream().anyMatch(t -> key.equals(t.businessKey())));
        return As.user(user, role, () -> tasks.mine()).stream().filter(t -> key.equals(t.businessKey())).findFirst()
                .orElseThrow();
    }

    private AgreementStanding standing(String key) {
        return As.user("aude", "AUDITOR", () -> registry.standings()).stream().filter(s -> s.key().equals(key))
                .findFirst().orElseThrow();
    }

    private TransferRequest transfer(String datasetId, String site) {
        TransferRequest t = As.user("dora", "DATA_OWNER", () -> transfers.request(datasetId, site));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            TransferStatus s = As.user("dora", "DATA_OWNER", () -> transfers.find(t.id())).status();
            return s != TransferStatus.REQUESTED && s != TransferStatus.REPLICATING;
        });
        return As.user("dora", "DATA_OWNER", () -> transfers.find(t.id()));
    }

    @Test
    void aCourtOrderReviewedBySecondOfficerSuspendsTheAgreementAndTheNextTransferIsDenied() throws Exception {
        String key = agreement();
        OnboardingRequest dataset = activeDataset(key, List.of("embassy-lu"));

        JurisdictionReview started = report("lola", key, EventKind.COURT_ORDER, null);
        assertThat(started.sites()).containsExactly("embassy-lu");
        JurisdictionReview checked = awaitStatus(started.id(), ReviewStatus.IN_ASSESSMENT);
        assertThat(checked.findings()).hasSize(3);
        assertThat(checked.findings().get(0)).contains(": ALLOW"); // in force: the originating state's own staff
        assertThat(checked.findings()).anyMatch(f -> f.contains("DENY — COURT_ORDER_NOT_RECOGNISED (" + key.replace('_', '-')
                + " Art. 9)"));

        WorkTask task = awaitTask("leo", "LEGAL_OFFICER", started.id());
        assertThat(task.formRoute()).isEqualTo("jurisdiction/assess");
        assertThatThrownBy(() -> As.run("lola", "LEGAL_OFFICER", () -> reviews.assess(task.id(), ReviewOutcome.SUSPEND,
                "the order undermines the immunity"))).isInstanceOf(AccessRefusedException.class)
                .hasMessageContaining("four eyes");
        assertThatThrownBy(() -> As.run("leo", "LEGAL_OFFICER", () -> reviews.assess(task.id(), ReviewOutcome.SUSPEND, " ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("justification"));
        As.run("leo", "LEGAL_OFFICER", () -> reviews.assess(task.id(), ReviewOutcome.SUSPEND,
                "The host state's courts claim jurisdiction over the data"));

        JurisdictionReview closed = awaitStatus(started.id(), ReviewStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(ReviewOutcome.SUSPEND);
        assertThat(closed.assessedBy()).isEqualTo("leo");
        assertThat(closed.evidence()).singleElement().asString().startsWith("SUSPEND: " + key + " v2");
        assertThat(closed.notification()).contains("EE (originating state) and LU (host state)").contains("SUSPEND");
        assertThat(standing(key).lifecycle()).isEqualTo("SUSPENDED");
        AgreementVersion v2 = As.user("aude", "AUDITOR", () -> registry.version(key, 2));
        assertThat(v2.kind()).isEqualTo(VersionKind.JURISDICTION);
        assertThat(v2.reviewer()).isEqualTo("leo");
        assertThat(v2.termsJson()).contains("\"status\" : \"SUSPENDED\"");

        TransferRequest next = transfer(dataset.id(), "embassy-lu");
        assertThat(next.status()).isEqualTo(TransferStatus.DENIED);
        assertThat(next.decisionReasons()).anyMatch(r -> r.startsWith("AGREEMENT_NOT_IN_FORCE"));
        assertThat(As.user("aude", "AUDITOR", () -> audit.forSubject(closed.subject())))
                .extracting(e -> e.action() + ":" + e.outcome())
                .containsSubsequence("JURISDICTION_REVIEW_STARTED:COURT_ORDER", "POLICY_DECISION:ALLOW",
                        "JURISDICTION_CHECKED:FINDINGS", "JURISDICTION_ASSESSED:SUSPEND", "AGREEMENT_SUSPENDED:SUSPEND",
                        "JURISDICTION_REVIEW_CLOSED:SUSPEND", "NOTIFICATION:SENT");
    }

    @Test
    void aRestrictionSendsTheNextTransferToALegalOfficer() throws Exception {
        String key = agreement();
        OnboardingRequest dataset = activeDataset(key, List.of("embassy-lu"));
        JurisdictionReview started = report("leo", key, EventKind.NEW_LAW, null);
        WorkTask task = awaitTask("lola", "LEGAL_OFFICER", started.id());
        As.run("lola", "LEGAL_OFFICER", () -> reviews.assess(task.id(), ReviewOutcome.RESTRICT,
                "The new law allows searches; every transfer is checked until it is clarified"));
        JurisdictionReview closed = awaitStatus(started.id(), ReviewStatus.CLOSED);
        assertThat(closed.evidence()).singleElement().asString().startsWith("RESTRICT: " + key + " v2");
        assertThat(standing(key).restricted()).isTrue();
        assertThat(standing(key).lifecycle()).isEqualTo("IN_FORCE");

        TransferRequest next = transfer(dataset.id(), "embassy-lu");
        assertThat(next.status()).isEqualTo(TransferStatus.IN_REVIEW);
        assertThat(next.decisionReasons()).singleElement().asString()
                .startsWith("AGREEMENT_RESTRICTED (" + key.replace('_', '-') + " Art. 12)");
    }

    @Test
    void anEvacuationConfirmedBySecurityOfficerLeavesNothingAtTheHostSiteWhileTheOtherSiteStillVerifies() throws Exception {
        String key = agreement();
        OnboardingRequest dataset = activeDataset(key, List.of("embassy-lu", "embassy-mc"));
        JurisdictionReview started = report("lola", key, EventKind.SITE_INCIDENT, "embassy-lu");
        JurisdictionReview checked = awaitStatus(started.id(), ReviewStatus.IN_ASSESSMENT);
        assertThat(checked.findings()).anyMatch(f -> f.contains("EMERGENCY_CONSENT_MISSING"));
        WorkTask assess = awaitTask("leo", "LEGAL_OFFICER", started.id());
        As.run("leo", "LEGAL_OFFICER", () -> reviews.assess(assess.id(), ReviewOutcome.EVACUATE,
                "The site was entered without consent; its copy is no longer safe"));

        WorkTask confirm = awaitTask("sam", "SECURITY_OFFICER", started.id());
        assertThat(confirm.formRoute()).isEqualTo("jurisdiction/evacuation");
        assertThat(As.user("sam", "SECURITY_OFFICER", () -> reviews.evacuationPlan(started.id())))
                .containsExactly(new EvacuationTarget(dataset.id(), dataset.name(), "embassy-lu"));
        assertThatThrownBy(() -> As.run("leo", "SECURITY_OFFICER", () -> reviews.confirmEvacuation(confirm.id(), true, "")))
                .isInstanceOf(AccessRefusedException.class).hasMessageContaining("four eyes");
        assertThatThrownBy(() -> As.run("sam", "SECURITY_OFFICER", () -> reviews.confirmEvacuation(confirm.id(), false, "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("note"));
        assertThat(siteFiles("embassy-lu", dataset.id())).isNotEmpty(); // nothing destroyed before the confirmation
        As.run("sam", "SECURITY_OFFICER", () -> reviews.confirmEvacuation(confirm.id(), true, "confirmed by phone with LU"));

        JurisdictionReview closed = awaitStatus(started.id(), ReviewStatus.CLOSED);
        assertThat(closed.confirmedBy()).isEqualTo("sam");
        assertThat(closed.evidence()).anyMatch(e -> e.startsWith("EVACUATE") && e.contains("at embassy-lu")
                && e.contains("listing empty")).anyMatch(e -> e.startsWith("SUSPEND: " + key));
        assertThat(siteFiles("embassy-lu", dataset.id())).isEmpty();
        List<SiteStatus> status = As.user("dora", "DATA_OWNER", () -> activation.replicas(dataset.id()));
        assertThat(status).filteredOn(s -> s.site().equals("embassy-lu")).singleElement()
                .satisfies(s -> assertThat(s.snapshots()).isZero());
        assertThat(siteFiles("embassy-mc", dataset.id())).isNotEmpty();
        assertThat(SystemAccount.callAs(SystemAccount.WORKFLOW,
                () -> replication.scrub(dataset.id(), List.of("embassy-mc"))).clean()).isTrue();
        assertThat(standing(key).lifecycle()).isEqualTo("SUSPENDED");
        assertThat(As.user("aude", "AUDITOR", () -> audit.forSubject("dataset:" + dataset.id())))
                .extracting(e -> e.action() + ":" + e.outcome()).contains("DATASET_EVACUATED:SUCCESS");
    }

    @Test
    void aRefusedEvacuationReturnsToTheLegalOfficersAndChangesNothing() {
        String key = agreement();
        JurisdictionReview started = report("lola", key, EventKind.CHANGE_OF_GOVERNMENT, null);
        WorkTask assess = awaitTask("leo", "LEGAL_OFFICER", started.id());
        As.run("leo", "LEGAL_OFFICER", () -> reviews.assess(assess.id(), ReviewOutcome.EVACUATE, "The new government is hostile"));
        WorkTask confirm = awaitTask("sam", "SECURITY_OFFICER", started.id());
        As.run("sam", "SECURITY_OFFICER", () -> reviews.confirmEvacuation(confirm.id(), false,
                "The site is guarded by our own staff; no evacuation yet"));
        JurisdictionReview back = awaitStatus(started.id(), ReviewStatus.IN_ASSESSMENT);
        assertThat(back.evidence()).singleElement().asString().startsWith("EVACUATION REFUSED by sam");
        WorkTask again = awaitTask("leo", "LEGAL_OFFICER", started.id());
        As.run("leo", "LEGAL_OFFICER", () -> reviews.assess(again.id(), ReviewOutcome.CONTINUE, "Watch and review in a month"));
        JurisdictionReview closed = awaitStatus(started.id(), ReviewStatus.CLOSED);
        assertThat(closed.outcome()).isEqualTo(ReviewOutcome.CONTINUE);
        assertThat(closed.confirmedBy()).isNull();
        assertThat(closed.notification()).contains("CONTINUE").doesNotContain("confirmed by");
        assertThat(standing(key).lifecycle()).isEqualTo("IN_FORCE");
        assertThat(standing(key).restricted()).isFalse();
    }

    @Test
    void badReportsAreRefusedByFieldAndStartNothing() {
        String key = agreement();
        int before = As.user("aude", "AUDITOR", () -> reviews.reviews()).size();
        assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> reviews.report(
                new JurisdictionEventReport(key, EventKind.PERIODIC, "short", "embassy-mc"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors().get("kind")).startsWith("Periodic reviews are started by the schedule");
                    assertThat(e.fieldErrors()).containsEntry("description", "At least 10 characters");
                    assertThat(e.fieldErrors().get("site")).startsWith("embassy-mc is not an embassy site in LU");
                });
        assertThatThrownBy(() -> As.user("lola", "LEGAL_OFFICER", () -> reviews.report(
                new JurisdictionEventReport("ee_zz_nope", null, "", null))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.fieldErrors()).containsEntry("agreement", "No published agreement ee_zz_nope");
                    assertThat(e.fieldErrors()).containsEntry("kind", "Choose what happened");
                    assertThat(e.fieldErrors()).containsEntry("description", "Describe the event");
                });
        assertThat(As.user("aude", "AUDITOR", () -> reviews.reviews())).hasSize(before);

        report("lola", key, EventKind.OTHER, null);
        assertThatThrownBy(() -> report("leo", key, EventKind.NEW_LAW, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors().get("agreement")).contains("already under way"));
        assertThat(As.user("aude", "AUDITOR", () -> reviews.reviews())).hasSize(before + 1);
    }

    @Test
    void theScheduleStartsOnePeriodicReviewPerAgreementDueAndNoneWhileOneIsInFlight() {
        String key = agreement();
        List<JurisdictionReview> notYet = SystemAccount.callAs("system:scheduler", () -> reviews.scheduleDue(Duration.ofDays(90)));
        assertThat(notYet).noneMatch(r -> r.agreementKey().equals(key)); // just published: not due for 90 days

        List<JurisdictionReview> due = SystemAccount.callAs("system:scheduler", () -> reviews.scheduleDue(Duration.ZERO));
        JurisdictionReview periodic = due.stream().filter(r -> r.agreementKey().equals(key)).findFirst().orElseThrow();
        assertThat(periodic.eventKind()).isEqualTo(EventKind.PERIODIC);
        assertThat(periodic.reportedBy()).isEqualTo("system:scheduler");
        assertThat(periodic.origin()).isEqualTo(JurisdictionReview.PERIODIC);

        List<JurisdictionReview> again = SystemAccount.callAs("system:scheduler", () -> reviews.scheduleDue(Duration.ZERO));
        assertThat(again).noneMatch(r -> r.agreementKey().equals(key)); // one in flight at most
        assertThat(awaitStatus(periodic.id(), ReviewStatus.IN_ASSESSMENT).findings()).hasSize(4);
    }

    private List<Path> siteFiles(String siteId, String datasetId) throws Exception {
        Path folder = Path.of(As.user("aude", "AUDITOR", () -> sites.all()).stream()
                .filter(s -> s.id().value().equals(siteId)).findFirst().orElseThrow().location())
                .resolve("datasets").resolve(datasetId);
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
