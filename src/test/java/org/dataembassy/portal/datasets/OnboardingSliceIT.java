package org.dataembassy.portal.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditTrail;
import org.dataembassy.portal.policy.AccessRefusedException;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The first end-to-end slice through the real OPA and the real Camunda engine with its job executor. */
@PortalIntegrationTest
class OnboardingSliceIT {

    @Autowired
    DatasetOnboarding onboarding;
    @Autowired
    WorkTasks tasks;
    @Autowired
    AuditTrail audit;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;

    private OnboardingSlice slice() {
        return new OnboardingSlice(onboarding, tasks);
    }

    private List<String> auditActions(OnboardingRequest request) {
        return As.user("aude", "AUDITOR", () -> audit.forSubject(request.subject())).stream()
                .map(e -> e.action() + ":" + e.outcome()).toList();
    }

    @Test
    void aPlainDatasetIsAcceptedByTheRulesAlone() {
        OnboardingRequest request = slice().submit("dora", OnboardingSlice.application("Weather archive", Classification.INTERNAL, false));
        OnboardingRequest done = slice().awaitStatus("dora", request.id(), OnboardingStatus.ACCEPTED);
        assertThat(done.decisionReasons()).isEmpty();
        // Accepted by the rules; the workflow now waits for a security officer to approve keys and sites.
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(done.processInstanceId())
                .unfinished().count()).isEqualTo(1);
        assertThat(auditActions(request)).containsSubsequence("ONBOARDING_REQUESTED:SUBMITTED",
                "POLICY_DECISION:ALLOW", "ONBOARDING_COMPLETED:ACCEPTED");
    }

    @Test
    void aTopSecretDatasetIsRejectedWithTheArticle() {
        OnboardingRequest request = slice().submit("dora", OnboardingSlice.application("Defence plans", Classification.TOP_SECRET, false));
        OnboardingRequest done = slice().awaitStatus("dora", request.id(), OnboardingStatus.REJECTED);
        assertThat(done.decisionReasons()).singleElement().asString()
                .startsWith("CLASSIFICATION_NOT_PERMITTED (ee-lu Art. 3)");
        assertThat(auditActions(request)).contains("POLICY_DECISION:DENY", "ONBOARDING_COMPLETED:REJECTED");
    }

    @Test
    void personalDataGoesToALegalOfficerWhoApproves() {
        OnboardingRequest request = slice().submit("dora", OnboardingSlice.application("Population register", Classification.CONFIDENTIAL, true));
        var task = slice().awaitReviewTask("lola", request.id());
        assertThat(task.formRoute()).isEqualTo("datasets/review");
        assertThat(task.due()).isNotNull();
        assertThat(As.user("dora", "DATA_OWNER", () -> onboarding.find(request.id())).status())
                .isEqualTo(OnboardingStatus.IN_REVIEW);

        As.run("lola", "LEGAL_OFFICER", () -> onboarding.review(task.id(), true, "Legal basis confirmed"));

        OnboardingRequest done = slice().awaitStatus("dora", request.id(), OnboardingStatus.ACCEPTED);
        assertThat(done.reviewedBy()).isEqualTo("lola");
        assertThat(done.reviewComment()).isEqualTo("Legal basis confirmed");
        assertThat(auditActions(request)).containsSubsequence("POLICY_DECISION:REVIEW_REQUIRED", "TASK_CREATED:OPEN",
                "TASK_COMPLETED:DONE", "ONBOARDING_REVIEWED:APPROVED", "ONBOARDING_COMPLETED:ACCEPTED");
    }

    @Test
    void aLegalOfficerRejectsWithAReasonAndTheOwnerSeesIt() {
        OnboardingRequest request = slice().submit("dora", OnboardingSlice.application("Land register", Classification.RESTRICTED, true));
        var task = slice().awaitReviewTask("leo", request.id());

        assertThatThrownBy(() -> As.run("leo", "LEGAL_OFFICER", () -> onboarding.review(task.id(), false, "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("comment"));
        assertThat(slice().awaitReviewTask("leo", request.id()).id()).as("the task is still open").isEqualTo(task.id());

        As.run("leo", "LEGAL_OFFICER", () -> onboarding.review(task.id(), false, "Not covered by Art. 4"));
        OnboardingRequest done = slice().awaitStatus("dora", request.id(), OnboardingStatus.REJECTED);
        assertThat(done.reviewComment()).isEqualTo("Not covered by Art. 4");
    }

    @Test
    void invalidInputStartsNothingAndSaysWhichFieldIsWrong() {
        long before = jdbc.sql("select count(*) from onboarding_request").query(Long.class).single();
        var bad = new OnboardingApplication("", "x".repeat(121), "abc", null, false, Register.NONE, "EE LU!", 0);
        assertThatThrownBy(() -> slice().submit("dora", bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().keySet())
                        .containsExactlyInAnyOrder("name", "owningAgency", "legalBasis", "classification", "agreementId",
                                "sizeEstimateGib"));
        assertThat(jdbc.sql("select count(*) from onboarding_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyDataOwnersMayRequestAndOthersCannotReadSomeoneElsesRequest() {
        var application = OnboardingSlice.application("Tax archive", Classification.INTERNAL, false);
        assertThatThrownBy(() -> As.run("lola", "LEGAL_OFFICER", () -> onboarding.request(application)))
                .isInstanceOf(AccessDeniedException.class);
        OnboardingRequest request = slice().submit("dora", application);
        assertThatThrownBy(() -> As.user("dan", "DATA_OWNER", () -> onboarding.find(request.id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void nobodyReviewsTheirOwnRequest() {
        OnboardingRequest request = As.user("lea", "DATA_OWNER,LEGAL_OFFICER",
                () -> onboarding.request(OnboardingSlice.application("Own request", Classification.CONFIDENTIAL, true)));
        var task = slice().awaitReviewTask("lea", request.id());
        assertThatThrownBy(() -> As.run("lea", "DATA_OWNER,LEGAL_OFFICER", () -> onboarding.review(task.id(), true, "fine")))
                .isInstanceOfSatisfying(AccessRefusedException.class,
                        e -> assertThat(e.decision().refusedFor("FOUR_EYES")).isTrue());
        assertThat(slice().awaitReviewTask("lola", request.id()).id()).as("the task stays open for another officer").isEqualTo(task.id());
    }

    @Test
    void auditEntriesOfTheSliceFormAnIntactChain() {
        slice().submit("dora", OnboardingSlice.application("Chain check", Classification.INTERNAL, false));
        var verification = As.user("aude", "AUDITOR", () -> audit.verify());
        assertThat(verification.problems()).isEmpty();
        assertThat(verification.entriesChecked()).isPositive();
        List<AuditEntry> recent = As.user("aude", "AUDITOR", () -> audit.recent(5));
        assertThat(recent.get(0).seq()).isGreaterThan(recent.get(1).seq());
    }
}
