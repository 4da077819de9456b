package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataembassy.portal.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A legal officer asks the real treaty rules (real OPA) what-if questions in the try-it panel. */
class TryItBrowserIT extends BrowserTest {

    @BeforeEach
    void signIn() {
        browser.login("lola", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("agreements/try-it");
        browser.await(By.id("evaluate"));
        browser.choose("agreement", "ee_lu");
        browser.choose("entry-point", "onboarding");
    }

    @Test
    void topSecretIsDeniedCitingArticleThree() {
        browser.choose("classification", "TOP_SECRET");
        browser.click("evaluate");
        browser.waitUntil(d -> "DENY".equals(d.findElement(By.id("verdict")).getText()));
        String reasons = browser.await(By.id("reasons")).getText();
        assertThat(reasons).contains("CLASSIFICATION_NOT_PERMITTED", "Art. 3", "ee-lu");
    }

    @Test
    void confidentialPersonalDataNeedsReview() {
        browser.choose("classification", "CONFIDENTIAL");
        browser.await(By.cssSelector("#personal-data label")).click();
        browser.waitUntil(d -> d.findElement(By.id("personal-data")).getDomAttribute("checked") != null);
        browser.click("evaluate");
        browser.waitUntil(d -> "REVIEW REQUIRED".equals(d.findElement(By.id("verdict")).getText()));
        assertThat(browser.await(By.id("reasons")).getText()).contains("PERSONAL_DATA_REVIEW");
    }

    @Test
    void aMissingClassificationIsShownBesideTheFieldAndNothingIsAsked() {
        browser.click("evaluate");
        assertThat(browser.errorOf("classification")).isEqualTo("Choose a classification");
        assertThat(browser.driver().findElement(By.id("verdict")).getText()).isEmpty();
    }
}
