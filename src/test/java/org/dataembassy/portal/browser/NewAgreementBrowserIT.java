package org.dataembassy.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.dataembassy.portal.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The "new agreement" dialog in headless Chromium: parties are picked and shown by name with their code, the first
 * draft starts blank unless a template is chosen, the fictional choice is offered, and refusals appear beside their
 * fields.
 */
class NewAgreementBrowserIT extends BrowserTest {

    @Test
    void aLegalOfficerCreatesABlankAgreementBetweenStatesPickedByName() {
        browser.login("lola", PASSWORD);
        browser.await(By.id("main-nav"));
        browser.open("agreements");
        browser.waitUntil(d -> d.findElement(By.id("agreements")).getText().contains("Estonia (EE) → Luxembourg (LU)"));

        browser.click("new-agreement");
        pick("originating-state", "Estonia (EE)");
        pick("host-state", "Estonia (EE)");
        String suffix = "n" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        browser.type("title", "Dialog test " + suffix);
        browser.type("suffix", suffix);
        assertThat(browser.await(By.id("fictional")).getText()).contains("Fictional (test) agreement");
        browser.click("create-agreement");
        assertThat(browser.errorOf("host-state")).isEqualTo("must differ from the originating state");

        browser.click("fictional");
        chooseStartingWith("template", "Copy the clauses of ee-lu — ");
        browser.click("create-agreement");
        browser.waitUntil(d -> d.findElement(By.id("fictional-error")).getText()
                .contains("only terms of schema_version 2"));

        browser.click("fictional");
        browser.choose("template", "Blank terms (schema_version 2)");
        pick("host-state", "Germany (DE)");
        browser.click("create-agreement");
        browser.waitUntil(d -> "DRAFT".equals(d.findElement(By.id("version-status")).getText()));
        assertThat(browser.await(By.id("version-parties")).getText())
                .isEqualTo("Parties: Estonia (EE) → Germany (DE)");
        browser.await(By.xpath("//vaadin-tab[contains(., 'Terms (JSON)')]")).click();
        assertThat(browser.await(By.id("terms-json")).getDomProperty("value")).contains("\"schema_version\" : 2")
                .contains("\"clauses\" : { }");
    }

    /** Types a country's label into its picker and takes the matching item. */
    private void pick(String id, String label) {
        WebElement input = browser.await(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), label);
        browser.waitUntil(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(e -> e.isDisplayed() && e.getText().trim().equals(label)));
        input.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> label.equals(d.findElement(By.cssSelector("#" + id + " input")).getDomProperty("value")));
    }

    /** Opens a select and takes the item whose text starts so (a select's copy of its value has an id "value-…"). */
    private void chooseStartingWith(String id, String start) {
        browser.await(By.id(id)).click();
        browser.waitUntil(d -> {
            WebElement item = d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(e -> !String.valueOf(e.getDomAttribute("id")).startsWith("value-"))
                    .filter(e -> e.isDisplayed() && e.getText().trim().startsWith(start)).findFirst().orElse(null);
            if (item == null) {
                return false;
            }
            item.click();
            return true;
        });
    }
}
