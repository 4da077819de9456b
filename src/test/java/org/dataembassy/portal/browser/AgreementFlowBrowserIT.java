package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.support.BrowserTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole legal-officer flow in headless Chromium against the real OPA: a legal officer edits a clause,
 * sees OPA's compile error at the right line of the Rego editor, fixes it, runs the tests and submits; a
 * second officer approves and publishes; the try-it panel's answer changes accordingly.
 */
class AgreementFlowBrowserIT extends BrowserTest {

    @Autowired
    AgreementRegistry registry;

    @Test
    void editValidateTestApprovePublishAndTheAnswerChanges() {
        AgreementVersion published = TestAgreements.publishedInForce(registry, "NL", "\"PUBLIC\", \"INTERNAL\"");
        String key = published.agreementKey();

        browser.login("lola", PASSWORD);
        browser.await(By.id("main-nav"));
        assertThat(tryIt(key, "INTERNAL")).isEqualTo("ALLOW");

        browser.open("agreements/" + key);
        browser.click("new-draft");
        browser.waitUntil(d -> "DRAFT".equals(d.findElement(By.id("version-status")).getText()));

        // Clause: INTERNAL data is no longer permitted.
        browser.await(By.xpath("//*[@id='clause-data-permitted-classifications']"
                + "//vaadin-checkbox//label[normalize-space()='INTERNAL']")).click();
        browser.await(By.xpath("//vaadin-tab[contains(., 'Terms (JSON)')]")).click();
        browser.waitUntil(d -> termsJson().contains("\"PUBLIC\"") && !termsJson().contains("\"INTERNAL\""));

        // Rego: a line that does not parse is reported by OPA at its line, then fixed.
        browser.await(By.xpath("//vaadin-tab[contains(., 'Treaty rules')]")).click();
        WebElement editor = browser.await(By.cssSelector("#rego-editor[ready]"));
        int lines = editorLines(editor);
        editor.getShadowRoot().findElement(By.cssSelector(".cm-content")).click();
        new Actions(browser.driver()).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL)
                .sendKeys(Keys.ENTER, "broken := := 1").perform();
        int brokenLine = lines + 1;
        browser.waitUntil(d -> d.findElement(By.id("rego-problems")).getText()
                .contains("line " + brokenLine + ", column 11: unexpected assign token"));
        browser.waitUntil(d -> !editor.getShadowRoot().findElements(By.cssSelector(".cm-lintRange-error")).isEmpty());
        assertThat(errorLineText(editor)).isEqualTo("broken := := 1");
        Actions erase = new Actions(browser.driver());
        for (int i = 0; i <= "broken := := 1".length(); i++) {
            erase.sendKeys(Keys.BACK_SPACE);
        }
        erase.perform();
        browser.waitUntil(d -> d.findElement(By.id("rego-problems")).getText().isEmpty());

        // Tests run against the draft as it stands.
        browser.await(By.xpath("//vaadin-tab[contains(., 'Tests')]")).click();
        browser.click("run-tests");
        browser.waitUntil(d -> "true".equals(d.findElement(By.id("test-summary")).getDomAttribute("passed")));
        assertThat(browser.driver().findElement(By.id("test-summary")).getText()).startsWith("All ");

        browser.type("change-note", "INTERNAL data no longer permitted");
        browser.click("submit");
        browser.waitUntil(d -> "IN_REVIEW".equals(d.findElement(By.id("version-status")).getText()));
        String versionUrl = browser.driver().getCurrentUrl();
        browser.logout();

        browser.login("leo", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.driver().get(versionUrl);
        browser.type("review-comment", "Matches the amended annex");
        browser.click("approve");
        browser.waitUntil(d -> "APPROVED".equals(d.findElement(By.id("version-status")).getText()));
        browser.click("publish");
        browser.waitUntil(d -> "PUBLISHED".equals(d.findElement(By.id("version-status")).getText()));

        assertThat(tryIt(key, "INTERNAL")).isEqualTo("DENY");
        assertThat(browser.await(By.id("reasons")).getText()).contains("CLASSIFICATION_NOT_PERMITTED");
    }

    private String tryIt(String key, String classification) {
        browser.open("agreements/try-it");
        browser.await(By.id("evaluate"));
        browser.choose("agreement", key);
        browser.choose("entry-point", "onboarding");
        browser.choose("classification", classification);
        browser.click("evaluate");
        browser.waitUntil(d -> !d.findElement(By.id("verdict")).getText().isEmpty());
        return browser.driver().findElement(By.id("verdict")).getText();
    }

    private String termsJson() {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
                "const area = document.getElementById('terms-json'); return area ? area.value : ''"));
    }

    /** Lines of the editor's document as CodeMirror counts them (a final newline opens an empty last line). */
    private int editorLines(WebElement editor) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].value.split('\\n').length", editor)).intValue();
    }

    private static String errorLineText(WebElement editor) {
        return editor.getShadowRoot().findElement(By.cssSelector(".cm-line:has(.cm-lintRange-error)")).getText();
    }
}
