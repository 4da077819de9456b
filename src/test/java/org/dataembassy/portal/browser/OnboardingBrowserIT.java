package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataembassy.portal.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The first slice as people use it, in headless Chromium against the running portal. */
class OnboardingBrowserIT extends BrowserTest {

    @Test
    void aFailedLoginShowsAnErrorAndStaysOnTheLoginPage() {
        browser.login("dora", "wrong-password");
        browser.awaitText("Sign-in failed");
        assertThat(browser.driver().getCurrentUrl()).contains("/login?error");
        assertThat(browser.all(By.id("main-nav"))).isEmpty();
    }

    @Test
    void anInvalidFormShowsErrorsBesideTheFieldsAndSubmitsNothing() {
        browser.login("dora", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("datasets/onboard");
        browser.type("legal-basis", "abc");
        browser.type("size-estimate", "0");
        browser.click("submit");
        assertThat(browser.errorOf("name")).isEqualTo("Give the dataset a name");
        assertThat(browser.errorOf("legal-basis")).isEqualTo("Between 5 and 500 characters");
        assertThat(browser.errorOf("classification")).isEqualTo("Choose a classification");
        assertThat(browser.errorOf("size-estimate")).isEqualTo("At least 1 GiB");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/datasets/onboard");
    }

    @Test
    void aDataOwnerSubmitsAndALegalOfficerApprovesInMyTasks() {
        String dataset = "Population register " + System.nanoTime();
        browser.login("dora", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("datasets/onboard");
        browser.type("name", dataset);
        browser.type("owning-agency", "Ministry of the Interior");
        browser.type("legal-basis", "Population Register Act § 12");
        browser.choose("classification", "CONFIDENTIAL");
        browser.await(By.cssSelector("#personal-data label")).click();
        browser.waitUntil(d -> d.findElement(By.id("personal-data")).getDomAttribute("checked") != null);
        browser.type("size-estimate", "40");
        browser.click("submit");
        browser.awaitText(dataset);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/datasets");
        browser.awaitText("IN_REVIEW");
        browser.logout();

        browser.login("lola", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("tasks");
        browser.awaitText("Review onboarding request");
        browser.await(By.cssSelector(".open-task")).click();
        browser.awaitText("Review: " + dataset);
        browser.awaitText("PERSONAL_DATA_REVIEW");
        browser.click("reject");
        assertThat(browser.errorOf("review-comment")).isEqualTo("Say why the request is rejected");
        browser.type("review-comment", "Legal basis confirmed for the population register");
        browser.click("approve");
        browser.await(By.id("tasks"));
        browser.logout();

        browser.login("dora", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("datasets");
        browser.awaitText(dataset);
        browser.awaitText("Legal basis confirmed for the population register");
        browser.awaitText("ACCEPTED"); // the list refreshes itself while open
    }
}
