package org.dataembassy.portal.soak;

import java.time.Duration;
import org.openqa.selenium.By;

/**
 * README, "A jurisdiction review", step 1: lola reports an event on {@code ee_lu} (refused beside the field while a
 * review of it is under way, e.g. a periodic one the shortened schedule started), then leo assesses every open
 * review — the reported one and the periodic ones — with "continue", so the agreements stay in force.
 */
final class JurisdictionJourney implements Journey {

    private final SoakWorld world;

    JurisdictionJourney(SoakWorld world) {
        this.world = world;
    }

    @Override
    public String name() {
        return "jurisdiction review";
    }

    @Override
    public void walk(SoakBrowser b) throws InterruptedException {
        b.login("lola");
        b.page("jurisdiction", "jurisdiction", "jurisdiction-reviews");
        b.step("fill the event report", () -> {
            b.raw().choose("event-agreement", "ee_lu");
            b.raw().choose("event-kind", "Change of government in the host state");
            b.raw().type("event-description", "The new government announced a review of foreign data centres (soak "
                    + world.next() + ")");
        });
        b.action("report event", () -> {
            b.raw().click("report-event");
            b.until("report answered", Duration.ofSeconds(30), d -> d.findElement(By.tagName("body")).getText()
                    .contains("Review started for ee_lu")
                    || d.findElement(By.id("event-agreement")).getDomAttribute("invalid") != null);
        });
        boolean underWay = b.driver().findElement(By.id("event-agreement")).getDomAttribute("invalid") != null;
        world.recorder.count(underWay ? "jurisdiction reports refused: review under way" : "jurisdiction reviews reported");
        b.logout();

        b.login("leo");
        boolean offered = false;
        for (int i = 0; i < 24 && !offered; i++) { // the treaty checks run as a job first: up to 2 minutes
            offered = Tasks.has(b, "Assess the jurisdiction");
            if (!offered) {
                Thread.sleep(5000);
            }
        }
        if (!offered) {
            throw new StepFailure(Recorder.Kind.STEP_FAILURE, "assessment offered", "no 'Assess the jurisdiction' task within 2 min", null);
        }
        int assessed = 0;
        while (assessed < 6 && Tasks.openFirst(b, "Assess the jurisdiction")) {
            b.step("assessment form", () -> {
                b.raw().await(By.id("assessment-justification"));
                b.raw().type("assessment-justification", "No effect on the treaty's guarantees (soak)");
                b.raw().await(By.xpath("//*[@id='assessment-outcome']//vaadin-radio-button//label[normalize-space()="
                        + "\"Continue: nothing changes\"]")).click();
            });
            b.action("assess", () -> {
                b.raw().click("assess");
                b.raw().await(By.id("tasks"));
            });
            assessed++;
            world.recorder.count("jurisdiction reviews assessed");
        }
        b.logout();
    }
}
