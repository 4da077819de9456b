package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.support.BrowserTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Terms of schema_version 2 in headless Chromium: the version page shows the v2 clause fields, a quorum that cannot
 * be met is refused beside its field; the obligations page shows an overdue duty as breached, refuses recording it
 * done without a selection, and records it done.
 */
class TreatyModel2BrowserIT extends BrowserTest {

    @Autowired
    AgreementRegistry registry;

    @Test
    void aLegalOfficerEditsV2ClausesAndRecordsABreachedDutyDone() {
        String key = TestAgreements.publishedFictional(registry, "xc_xd", "CY", "MT").agreementKey();
        String other = TestAgreements.publishedFictional(registry, "xa_xb", "CY", "GR").agreementKey();

        browser.login("lola", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("agreements/" + key);
        browser.click("new-draft");
        browser.waitUntil(d -> "DRAFT".equals(d.findElement(By.id("version-status")).getText()));
        WebElement ceiling = browser.await(By.id("clause-clauses-data-scope-classification-ceiling"));
        browser.waitUntil(d -> ceiling.getText().contains("CONFIDENTIAL"));
        browser.type("clause-clauses-activation-approvers-quorum-m", "9");
        browser.driver().findElement(By.cssSelector("#clause-clauses-activation-approvers-quorum-m input")).sendKeys(Keys.TAB);
        assertThat(browser.errorOf("clause-clauses-activation-approvers-quorum-m"))
                .isEqualTo("needs 1 ≤ m ≤ n (found m = 9, n = 4)");

        browser.open("obligations");
        browser.click("check-obligations");
        browser.waitUntil(d -> d.findElement(By.id("obligations")).getText().contains(key));
        browser.click("fulfil-obligation");
        assertThat(browser.errorOf("obligation-done-on")).isEqualTo("Select a duty in the list first");

        WebElement cell = browser.await(By.xpath("//vaadin-grid[@id='obligations']/vaadin-grid-cell-content[normalize-space()='"
                + key + "']"));
        browser.clickInView(cell);
        // the date picker's value as a person's pick sets it (its text input opens an overlay in headless Chromium)
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
                browser.await(By.id("obligation-done-on")), LocalDate.now(ZoneOffset.UTC).toString());
        browser.type("obligation-evidence", "Audit report 2026/14 of the hosted systems");
        browser.click("fulfil-obligation");
        browser.waitUntil(d -> d.findElement(By.id("obligations")).getText().contains("lola"));
        assertThat(browser.driver().findElement(By.id("obligations")).getText()).contains("FULFILLED");

        // one agreement's duties, by the page's address (the link an agreement's page gives)
        browser.waitUntil(d -> d.findElement(By.id("obligations")).getText().contains(other));
        browser.open("obligations?agreement=" + key);
        browser.waitUntil(d -> d.findElement(By.id("obligations")).getText().contains(key));
        assertThat(browser.driver().findElement(By.id("obligations")).getText()).doesNotContain(other);

        // the agreement's own page shows its breach (the yearly audit nobody recorded) and links to its duties
        browser.open("agreements/" + other);
        WebElement duties = browser.await(By.id("agreement-duties"));
        assertThat(browser.await(By.id("agreement-duties-summary")).getText()).matches("[1-9][0-9]* breached, [0-9]+ open");
        assertThat(duties.getText()).contains("AUDIT_MINIMUM").contains("Art. 8");
        assertThat(duties.findElement(By.tagName("a")).getAttribute("href")).endsWith("obligations?agreement=" + other);
    }
}
