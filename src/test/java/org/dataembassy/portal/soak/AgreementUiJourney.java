package org.dataembassy.portal.soak;

import java.time.Duration;
import org.openqa.selenium.By;

/**
 * README, "Changing a treaty rule" (four eyes) on the soak's own UI agreement: lola starts a new draft from the
 * latest version, runs its tests and submits it; leo approves and publishes it to OPA.
 */
final class AgreementUiJourney implements Journey {

    private static final Duration OPA = Duration.ofSeconds(90);
    private final SoakWorld world;

    AgreementUiJourney(SoakWorld world) {
        this.world = world;
    }

    @Override
    public String name() {
        return "agreement version (UI)";
    }

    @Override
    public void walk(SoakBrowser b) {
        String key = world.uiAgreement;
        b.login("lola");
        b.page("agreements/{key}", "agreements/" + key, "versions");
        b.action("new draft", () -> {
            b.raw().click("new-draft");
            b.until("draft opened", Duration.ofSeconds(30), d -> "DRAFT".equals(d.findElement(By.id("version-status")).getText()));
        });
        String url = b.driver().getCurrentUrl();
        String version = url.substring(url.lastIndexOf('/') + 1);
        b.action("run tests", () -> {
            b.raw().await(By.xpath("//vaadin-tab[contains(., 'Tests')]")).click();
            b.raw().click("run-tests");
            b.until("tests pass", OPA, d -> "true".equals(d.findElement(By.id("test-summary")).getDomAttribute("passed")));
        });
        b.step("change note", () -> b.raw().type("change-note", "soak UI round " + world.next()));
        b.action("submit version", () -> {
            b.raw().click("submit");
            b.until("in review", OPA, d -> "IN_REVIEW".equals(d.findElement(By.id("version-status")).getText()));
        });
        b.logout();

        b.login("leo");
        b.page("agreements/{key}/versions/{n}", "agreements/" + key + "/versions/" + version, "version-status");
        b.step("review comment", () -> b.raw().type("review-comment", "Matches the amended annex (soak)"));
        b.action("approve version", () -> {
            b.raw().click("approve");
            b.until("approved", Duration.ofSeconds(30), d -> "APPROVED".equals(d.findElement(By.id("version-status")).getText()));
        });
        b.action("publish version", () -> {
            b.raw().click("publish");
            b.until("published", OPA, d -> "PUBLISHED".equals(d.findElement(By.id("version-status")).getText()));
        });
        b.logout();
    }
}
