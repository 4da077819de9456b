package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.NewAgreement;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.ConnectionLeakCheck;
import org.dataembassy.portal.support.MovableClock;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.TestAgreements;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The clock jumps forward and the portal follows it: the review reminder fires and the task is overdue when the
 * clock says so, a recovery point ages and the schedule replicates again, an agreement's validity ends at its date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ConnectionLeakCheck.class)
@Import(MovableClock.Config.class)
class ClockJumpIT {

    @Autowired
    MovableClock clock;
    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    DatasetProvisioning activation;
    @Autowired
    CrossBorderTransfers transfers;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;
    @Autowired
    AgreementRegistry registry;
    @Autowired
    PolicyDecisions decisions;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theReviewReminderFiresAfterThreeDaysAndTheTaskIsOverdueAfterFive() {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application("Clock " + System.nanoTime(),
                Classification.CONFIDENTIAL, true));
        WorkTask review = slice.awaitReviewTask("lola", request.id());
        assertThat(review.overdue(clock.instant())).isFalse();

        clock.jump(Duration.ofDays(3).plusMinutes(1));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                As.user("aude", "AUDITOR", () -> audit.forSubject(request.subject())).stream()
                        .anyMatch(e -> e.action().equals("ONBOARDING_REVIEW_ESCALATED")));
        assertThat(review.overdue(clock.instant())).as("due in five days").isFalse();
        assertThat(slice.awaitReviewTask("lola", request.id()).id()).as("the reminder does not end the task")
                .isEqualTo(review.id());

        clock.jump(Duration.ofDays(2));
        assertThat(review.overdue(clock.instant())).isTrue();
    }

    @Test
    void aRecoveryPointAgesWithTheClockAndTheScheduleReplicatesAgain() throws Exception {
        OnboardingRequest dataset = new OnboardingSlice(onboarding, tasks).activeDataset(activation, "dora",
                "Aging register " + System.nanoTime(), List.of("embassy-lu"));
        assertThat(schedule()).noneMatch(t -> t.datasetId().equals(dataset.id()));
        assertThat(age(dataset)).isLessThan(Duration.ofHours(1));

        clock.jump(Duration.ofHours(25));
        assertThat(age(dataset)).isGreaterThanOrEqualTo(Duration.ofHours(25));
        assertThat(schedule()).filteredOn(t -> t.datasetId().equals(dataset.id())).singleElement()
                .satisfies(t -> assertThat(t.site()).isEqualTo("embassy-lu"));
    }

    @Test
    void anAgreementValidUntilTomorrowIsNotInForceTheDayAfter() {
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String suffix = TestAgreements.suffix();
        AgreementVersion v1 = As.user("lola", "LEGAL_OFFICER", () -> registry.create(
                NewAgreement.fromTemplate("ee_lu", "EE", "LU", "Clock test " + suffix, "test", suffix)));
        String key = v1.agreementKey();
        String terms = TestAgreements.inForce(v1.termsJson(), "\"INTERNAL\"")
                .replace("\"until\" : null", "\"until\" : \"" + until + "\"");
        assertThat(terms).contains(until);
        As.run("lola", "LEGAL_OFFICER", () -> {
            registry.save(key, 1, new DraftContent(terms, v1.regoSource(), v1.testsSource(), "ends tomorrow"));
            registry.submit(key, 1);
        });
        As.run("leo", "LEGAL_OFFICER", () -> registry.approve(key, 1, "matches the treaty"));
        As.run("lola", "LEGAL_OFFICER", () -> registry.publish(key, 1));
        assertThat(decide(key).allowed()).isTrue();

        clock.jump(Duration.ofDays(2));
        PolicyDecision after = decide(key);
        assertThat(after.allowed()).isFalse();
        assertThat(after.reasons()).extracting(r -> r.code()).contains("AGREEMENT_OUTSIDE_VALIDITY");
    }

    @Test
    void aSuspensionDatedTomorrowIsTheLifecycleListedTheDayAfter() throws Exception {
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        String suffix = TestAgreements.suffix();
        AgreementVersion v1 = As.user("lola", "LEGAL_OFFICER", () -> registry.create(new NewAgreement("XE", "XF",
                "Suspended tomorrow " + suffix, "fictional", suffix, 2, null, true)));
        String key = v1.agreementKey();
        ObjectNode terms = (ObjectNode) new ObjectMapper().readTree(Files.readString(
                Path.of("policies-test/dataembassy/agreements/xe_xf/data.json"))).get("terms");
        terms.put("id", key.replace('_', '-'));
        ObjectNode suspension = (ObjectNode) terms.at("/lifecycle/history/2");
        assertThat(suspension.get("status").asText()).isEqualTo("SUSPENDED");
        suspension.put("from", tomorrow);
        As.run("lola", "LEGAL_OFFICER", () -> {
            registry.save(key, 1, new DraftContent(terms.toPrettyString(), v1.regoSource(), v1.testsSource(),
                    "suspended from tomorrow"));
            registry.submit(key, 1);
        });
        As.run("leo", "LEGAL_OFFICER", () -> registry.approve(key, 1, "matches the treaty"));
        As.run("lola", "LEGAL_OFFICER", () -> registry.publish(key, 1));
        assertThat(listedLifecycles(key)).containsExactly("IN_FORCE", "IN_FORCE", "IN_FORCE");

        clock.jump(Duration.ofDays(2));
        assertThat(listedLifecycles(key)).as("version, overview, standing read the day after the suspension began")
                .containsExactly("SUSPENDED", "SUSPENDED", "SUSPENDED");
    }

    /** The lifecycle as the version, the agreement list and the standings show it. */
    private List<String> listedLifecycles(String key) {
        return As.user("lola", "LEGAL_OFFICER", () -> List.of(registry.version(key, 1).lifecycle(),
                registry.agreements().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow().lifecycle(),
                registry.standings().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow().lifecycle()));
    }

    private PolicyDecision decide(String key) {
        return As.user("system:test", "SYSTEM", () -> decisions.decide(new PolicyQuery("dataembassy/onboarding",
                "test:clock", Map.of("agreement", key, "dataset", Map.of("classification", "INTERNAL",
                        "personal_data", false, "register", "")))));
    }

    private Duration age(OnboardingRequest dataset) {
        SiteStatus lu = As.user("dora", "DATA_OWNER", () -> activation.replicas(dataset.id())).stream()
                .filter(s -> s.site().equals("embassy-lu")).findFirst().orElseThrow();
        return lu.recoveryPointAge();
    }

    private List<TransferRequest> schedule() {
        return As.user("system:scheduler", "SYSTEM", () -> transfers.scheduleDue(Duration.ofHours(24)));
    }
}
