package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.support.BrowserTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The try-it page is not shaped on the seeds: for an agreement of schema_version 2 (the fictional xc_xd between SE and
 * NO) it offers that agreement's own activation declarations, and any question its clauses can answer is asked as a
 * JSON decision input — an emergency entry without consent, allowed with the duty it carries — with a misspelt field
 * refused beside the input by its path.
 */
class TryItAnyAgreementBrowserIT extends BrowserTest {

    @Autowired
    AgreementRegistry registry;

    @Test
    void aV2AgreementsOwnVocabularyAndAJsonQuestionWithItsDuty() {
        String key = TestAgreements.publishedFictional(registry, "xc_xd", "SE", "NO").agreementKey();
        browser.login("lola", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("agreements/try-it");
        browser.await(By.id("evaluate"));
        browser.choose("agreement", key);
        browser.choose("entry-point", "activation");
        browser.waitUntil(d -> d.findElement(By.id("declarations")).getText().contains("MAJOR_CYBER_ATTACK"));
        assertThat(browser.driver().findElement(By.id("declarations")).getText())
                .contains("STATE_OF_EMERGENCY_DECLARED").doesNotContain("PRIMARY_SITES_UNAVAILABLE");

        browser.choose("entry-point", "jurisdiction");
        browser.await(By.cssSelector("#json-panel vaadin-details-summary")).click();
        browser.type("input-json", "{\"agreement\": \"" + key + "\", \"at\": \"2026-03-01T00:00:00Z\", \"request\": "
                + "{\"kind\": \"entry\", \"requesting_state\": \"NO\", \"emergency\": \"fire\","
                + " \"consent_unobtainable_in_time\": true, \"limited_to_averting_danger\": true}}");
        browser.click("evaluate-json");
        browser.waitUntil(d -> "ALLOW".equals(d.findElement(By.id("verdict")).getText()));
        assertThat(browser.await(By.id("reasons")).getText())
                .contains("Duty NOTIFY_ENTRY_WITHOUT_CONSENT", "owed by Norway (NO) to Sweden (SE)", "Art. 5(4)");

        browser.type("input-json", "{\"agreement\": \"" + key + "\", \"request\": {\"knd\": \"entry\"}}");
        browser.click("evaluate-json");
        browser.waitUntil(d -> !browser.errorOf("input-json").isEmpty());
        assertThat(browser.errorOf("input-json")).contains("request.knd");
        assertThat(browser.driver().findElement(By.id("verdict")).getText()).isEmpty();
    }
}
