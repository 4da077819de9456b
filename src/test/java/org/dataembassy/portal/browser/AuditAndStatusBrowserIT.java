package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataembassy.portal.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** What an auditor sees: login events in the trail, chain verification, and the system status page. */
class AuditAndStatusBrowserIT extends BrowserTest {

    @Test
    void loginsLogoutsAndFailedLoginsAreInTheTrailAndTheChainVerifies() {
        browser.login("sam", "not-the-password");
        browser.awaitText("Sign-in failed");
        browser.login("sam", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.logout();

        browser.login("aude", PASSWORD);
        browser.open("audit");
        browser.waitUntil(d -> d.findElement(By.id("audit-entries")).getText().contains("user:sam"));
        String trail = browser.await(By.id("audit-entries")).getText();
        assertThat(trail).contains("LOGIN", "FAILURE", "LOGOUT", "user:sam");
        assertThat(trail).doesNotContain("not-the-password");

        browser.click("verify-chain");
        browser.waitUntil(d -> d.findElement(By.id("verification-result")).getText().startsWith("Intact"));
    }

    @Test
    void theStatusPageShowsOpaCamundaDatabaseAndSites() {
        browser.login("ada", PASSWORD);
        browser.open("status");
        String opa = browser.await(By.id("opa-status")).getText();
        assertThat(opa).startsWith("UP").contains("supervised", "version 1.22.3", "bundle revision foundation-1");
        assertThat(browser.await(By.id("camunda-status")).getText()).contains("DatasetOnboardingProcess v1", "open incidents");
        assertThat(browser.await(By.id("database-status")).getText()).startsWith("UP").contains("H2");
        browser.awaitText("embassy-lu");
        assertThat(browser.driver().findElement(By.id("sites")).getText()).contains("home-ee", "EE", "HOME", "LU", "EMBASSY");

        browser.open("audit");
        browser.await(By.id("audit-entries"));
        assertThat(browser.all(By.id("verify-chain"))).as("only auditors verify the chain").allMatch(e -> !e.isDisplayed());
    }

    @Test
    void unknownRoutesGetAFriendlyPage() {
        browser.login("dora", PASSWORD);
        browser.open("no-such-page");
        assertThat(browser.await(By.id("not-found")).getText()).contains("This page does not exist");
    }
}
