package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.BrowserTest;
import org.dataembassy.portal.support.FailingProbe;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The process page in headless Chromium for a real onboarding instance waiting at the legal review: bpmn-js draws
 * the model, the waiting task is marked current and the steps before it completed, the audit trail lists the
 * request; a role taking no part is refused.
 */
class ProcessPageBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    DatasetOnboarding onboarding;
    @org.springframework.beans.factory.annotation.Autowired
    WorkTasks tasks;
    @org.springframework.beans.factory.annotation.Autowired
    ProcessEngine camunda;

    private OnboardingRequest waitingForReview(String name) {
        OnboardingSlice slice = new OnboardingSlice(onboarding, tasks);
        OnboardingRequest request = slice.submit("dora", OnboardingSlice.application(name, Classification.CONFIDENTIAL, true));
        slice.awaitReviewTask("lola", request.id());
        return request;
    }

    /** Whether the drawn element with this id carries this marker class (inside the diagram's shadow root). */
    private boolean marked(String elementId, String marker) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
                "const d = document.querySelector('process-diagram');"
                        + "if (!d || !d.hasAttribute('rendered')) return false;"
                        + "const g = d.shadowRoot.querySelector('g.djs-element[data-element-id=\"' + arguments[0] + '\"]');"
                        + "return !!g && g.classList.contains(arguments[1]);", elementId, marker));
    }

    private long drawnElements() {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                "const d = document.querySelector('process-diagram');"
                        + "return d && d.shadowRoot.querySelector('svg') ? d.shadowRoot.querySelectorAll('g.djs-element').length : 0;");
    }

    @Test
    void theOwnerFollowsTheLinkAndSeesTheWaitingTaskThePathAndTheAuditTrail() {
        String name = "Population register " + System.nanoTime();
        OnboardingRequest request = waitingForReview(name);

        browser.login("dora", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("datasets");
        browser.click("process-" + request.id());
        browser.waitUntil(d -> d.findElement(By.id("process-title")).getText()
                .equals("Dataset onboarding: " + request.subject()));
        browser.waitUntil(d -> marked("Task_LegalReview", "current"));

        assertThat(drawnElements()).isGreaterThan(20);
        assertThat(marked("StartEvent_OnboardingRequested", "completed")).isTrue();
        assertThat(marked("Task_EvaluateOnboardingPolicy", "completed")).isTrue();
        assertThat(marked("SequenceFlow_ReviewRequired", "taken")).isTrue();
        assertThat(marked("SequenceFlow_Allowed", "taken")).isFalse();
        assertThat(marked("Task_SecurityApproval", "current")).isFalse();
        assertThat(browser.await(By.id("process-state")).getText()).isEqualTo("RUNNING");
        assertThat(browser.await(By.id("process-details")).getText()).contains(name);
        browser.waitUntil(d -> d.findElement(By.id("process-audit")).getText().contains("ONBOARDING_REQUESTED"));
    }

    @Test
    void anAuditorOpensItFromTheListACommitteeMemberIsRefusedAndAnUnknownIdIsNotFound() {
        OnboardingRequest request = waitingForReview("Land register " + System.nanoTime());

        browser.login("aude", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("processes");
        browser.click("process-link-" + request.processInstanceId());
        browser.waitUntil(d -> marked("Task_LegalReview", "current"));
        browser.logout();

        browser.login("cora", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("processes/" + request.processInstanceId());
        browser.await(By.id("access-denied"));
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain(request.subject());
        browser.open("processes/no-such-instance");
        browser.await(By.id("not-found"));
    }

    @Test
    void aFailedStepIsMarkedAsAnIncident() {
        String id = FailingProbe.start(camunda);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> camunda.getRuntimeService().createIncidentQuery().processInstanceId(id).count() == 1);

        browser.login("ada", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("processes/" + id);
        browser.waitUntil(d -> marked("Task_NeedsOk", "incident"));

        assertThat(marked("StartEvent_Probe", "completed")).isTrue();
        assertThat(browser.await(By.id("process-incidents")).getText()).startsWith("Incident at “Needs ok”");
    }
}
