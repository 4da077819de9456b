package org.dataembassy.portal.soak;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;

/**
 * The auditor and the administrator: aude reads the trail and verifies the chain (README step 4), ada opens System
 * status (OPA, Camunda with its open incidents, database, sites).
 */
final class OversightJourney implements Journey {

    private static final Pattern INCIDENTS = Pattern.compile("open incidents (\\d+)");
    private final SoakWorld world;

    OversightJourney(SoakWorld world) {
        this.world = world;
    }

    @Override
    public String name() {
        return "audit and system status";
    }

    @Override
    public void walk(SoakBrowser b) {
        b.login("aude");
        b.page("audit", "audit", "audit-entries");
        String result = verifyChain(b);
        if (!result.startsWith("Intact")) {
            world.recorder.failure(Recorder.Kind.WRONG_ANSWER, "verify the chain", result);
        }
        b.page("processes", "processes", "process-instances");
        b.logout();

        b.login("ada");
        b.page("status", "status", "sites");
        String camunda = b.step("status lines", () -> {
            if (!b.text("opa-status").startsWith("UP") || !b.text("database-status").startsWith("UP")) {
                throw new IllegalStateException("OPA or database not UP: " + b.text("opa-status") + " / " + b.text("database-status"));
            }
            return b.text("camunda-status");
        });
        Matcher incidents = INCIDENTS.matcher(camunda);
        if (incidents.find()) {
            world.recorder.count("status page views");
            world.lastIncidents.set(Integer.parseInt(incidents.group(1)));
        }
        b.logout();
    }

    /** Presses Verify the chain and returns what the page says (Intact: … or BROKEN: …). */
    static String verifyChain(SoakBrowser b) {
        String[] text = new String[1];
        b.action("verify chain", () -> {
            b.raw().click("verify-chain");
            b.until("verification shown", Duration.ofSeconds(120), d -> {
                text[0] = d.findElement(By.id("verification-result")).getText();
                return !text[0].isBlank();
            });
        });
        return text[0];
    }
}
