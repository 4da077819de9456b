package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.jurisdiction.JurisdictionReviews;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.BrowserTest;
import org.dataembassy.portal.support.TestAgreements;
import org.dataembassy.portal.workflow.WorkTasks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A jurisdiction review in headless Chromium: a legal officer's bad report is refused beside the fields, a good one
 * starts the review; the reporter is shown the four-eyes refusal and no form; a second legal officer reads the treaty
 * findings with their articles, decides, and the list shows the review closed with its outcome.
 */
class JurisdictionReviewBrowserIT extends BrowserTest {

    @Autowired
    AgreementRegistry registry;
    @Autowired
    JurisdictionReviews reviews;
    @Autowired
    WorkTasks tasks;

    @Test
    void aReportedCourtOrderIsAssessedByASecondLegalOfficer() {
        String key = TestAgreements.publishedInForce(registry, "LU", "\"INTERNAL\"").agreementKey();
        browser.login("lola", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("jurisdiction");
        browser.choose("event-agreement", key);
        browser.type("event-description", "short");
        browser.click("report-event");
        assertThat(browser.errorOf("event-kind")).isEqualTo("Choose what happened");
        assertThat(browser.errorOf("event-description")).isEqualTo("At least 10 characters");
        assertThat(As.user("aude", "AUDITOR", () -> reviews.reviews())).noneMatch(r -> r.agreementKey().equals(key));

        browser.choose("event-kind", "Court order");
        browser.type("event-description", "A district court of the host state ordered the servers seized");
        browser.click("report-event");
        await().atMost(Duration.ofSeconds(30)).until(() -> As.user("aude", "AUDITOR", () -> reviews.reviews()).stream()
                .anyMatch(r -> r.agreementKey().equals(key)));
        JurisdictionReview review = As.user("aude", "AUDITOR", () -> reviews.reviews()).stream()
                .filter(r -> r.agreementKey().equals(key)).findFirst().orElseThrow();
        String subject = review.subject();
        await().atMost(Duration.ofSeconds(60)).until(() -> As.user("leo", "LEGAL_OFFICER", () -> tasks.mine()).stream()
                .anyMatch(t -> subject.equals(t.businessKey())));
        String taskId = As.user("leo", "LEGAL_OFFICER", () -> tasks.mine()).stream()
                .filter(t -> subject.equals(t.businessKey())).findFirst().orElseThrow().id();

        browser.open("jurisdiction/assess/" + taskId);
        browser.awaitText("COURT_ORDER_NOT_RECOGNISED");
        browser.waitUntil(d -> d.findElement(By.id("assessment-refusal")).getText().contains("four eyes"));
        assertThat(browser.all(By.id("assess"))).isEmpty(); // the reporter gets no form to decide with
        browser.logout();

        browser.login("leo", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("jurisdiction/assess/" + taskId);
        browser.awaitText("Art. 9");
        browser.type("assessment-justification", "The order has no effect under the treaty");
        browser.click("assess");
        assertThat(browser.errorOf("assessment-outcome")).isEqualTo("Choose an outcome");
        chooseOutcome("Continue: nothing changes");
        browser.click("assess");
        browser.await(By.id("tasks"));
        browser.open("jurisdiction");
        browser.waitUntil(d -> "CLOSED".equals(d.findElement(By.id("review-status-" + review.id())).getText()));
        assertThat(browser.await(By.id("review-outcome-" + review.id())).getText()).isEqualTo("CONTINUE");
    }

    private void chooseOutcome(String label) {
        browser.await(By.xpath("//*[@id='assessment-outcome']//vaadin-radio-button//label[normalize-space()=\"" + label
                + "\"]")).click();
    }
}
