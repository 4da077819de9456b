package org.dataembassy.portal.soak;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * README, "A jurisdiction review and an emergency activation", steps 2 and 3: sam splits the state key (a key
 * ceremony every third round), cora triggers, cade and cleo approve (3 of 5 with the trigger), cleo confirms the
 * host state's notice and asks to stand down, cyrus and celia approve: STOOD_DOWN. The first round after a dataset
 * of the soak is ACTIVE is a real activation (keys unsealed from the shares, data restored read-only, ACTIVE in
 * every header); the others are rehearsals.
 */
final class CommitteeJourney implements Journey {

    private static final List<String> MEMBERS = List.of("cora", "cade", "cleo", "cyrus", "celia");
    private static final Duration WORKFLOW = Duration.ofSeconds(180);

    private final SoakWorld world;
    private final Map<String, String> shares = new LinkedHashMap<>();
    private int round;

    CommitteeJourney(SoakWorld world) {
        this.world = world;
    }

    @Override
    public String name() {
        return "key ceremony and emergency activation";
    }

    @Override
    public void walk(SoakBrowser b) throws InterruptedException {
        if (shares.isEmpty() || round % 3 == 0) {
            ceremony(b);
        }
        round++;
        if (!world.realActivationDone.get()) { // the first activation is to be real: give the owner's dataset time
            for (int i = 0; i < 48 && !world.datasetActive.get(); i++) {
                Thread.sleep(5000);
            }
        }
        boolean real = world.datasetActive.get() && !world.realActivationDone.get();
        String id = trigger(b, real);
        vote(b, "cade", id, real ? shares.get("cade") : null);
        b.logout();
        vote(b, "cleo", id, real ? shares.get("cleo") : null);
        b.until("activation ACTIVE", WORKFLOW, d -> status(d).startsWith("ACTIVE"));
        if (real) {
            b.step("datasets served", () -> b.raw().waitUntil(d -> d.findElement(By.id("activation-datasets")).getText()
                    .contains("served read-only at")));
            b.page("home", "", "shell-notices"); // the header's notices are read on each navigation
            b.step("ACTIVE in the header", () -> b.raw().waitUntil(d -> d.findElement(By.id("shell-notices")).getText()
                    .contains("ACTIVE: emergency activation at embassy-lu")));
            b.page("activation/detail/{id}", "activation/detail/" + id, "activation-status");
        }
        if (!b.driver().findElements(By.id("confirm-notice")).isEmpty()) {
            b.action("confirm notice", () -> {
                b.raw().click("confirm-notice");
                b.raw().waitUntil(d -> d.findElement(By.id("activation-notice")).getText().contains("confirmed by cleo"));
            });
        }
        b.step("stand-down reason", () -> b.raw().type("stand-down-reason", "Primary sites restored and verified (soak)"));
        b.action("request stand-down", () -> {
            b.raw().click("request-stand-down");
            b.until("standing down", Duration.ofSeconds(30), d -> status(d).startsWith("STANDING_DOWN"));
        });
        b.logout();
        vote(b, "cyrus", id, null);
        b.logout();
        vote(b, "celia", id, null);
        b.until("stood down", WORKFLOW, d -> status(d).startsWith("STOOD_DOWN"));
        b.logout();
        if (real) {
            world.realActivationDone.set(true);
            world.recorder.count("real emergency activations stood down");
        } else {
            world.recorder.count("rehearsals stood down");
        }
    }

    private void ceremony(SoakBrowser b) {
        b.login("sam");
        b.page("activation/key-ceremony", "activation/key-ceremony", "perform-ceremony");
        b.action("key ceremony", () -> {
            b.raw().click("perform-ceremony");
            b.raw().await(By.id("share-celia"));
        });
        shares.clear();
        for (String member : MEMBERS) {
            shares.put(member, b.step("read share", () -> b.driver().findElement(By.cssSelector("#share-" + member + " input"))
                    .getDomProperty("value")));
        }
        b.logout();
        world.recorder.count("key ceremonies");
    }

    /** cora triggers; the id of the new activation once it is VOTING. */
    private String trigger(SoakBrowser b, boolean real) {
        b.login("cora");
        b.page("activation", "activation", "trigger-activation");
        Set<String> before = activationIds(b.driver());
        b.step("fill the trigger form", () -> {
            b.raw().choose("activation-agreement", "ee_lu");
            b.raw().choose("activation-site", "embassy-lu");
            b.raw().choose("emergency-type", "CYBER_ATTACK");
            b.raw().type("justification", "Government data centres unreachable (soak " + (real ? "real activation" : "rehearsal") + ")");
            for (String declaration : List.of("CRISIS_DECLARED", "PRIMARY_SITES_UNAVAILABLE")) {
                b.raw().clickInView(b.raw().await(By.xpath("//*[@id='declarations']//vaadin-checkbox//label[normalize-space()='" + declaration + "']")));
            }
            if (real) {
                b.raw().type("trigger-key-share", shares.get("cora"));
            } else {
                // below the list of datasets, which grows: out of view once there are a few dozen
                b.raw().clickInView(b.raw().await(By.cssSelector("#rehearsal label")));
                b.raw().waitUntil(d -> d.findElement(By.id("rehearsal")).getDomAttribute("checked") != null);
            }
        });
        String[] id = new String[1];
        b.action("trigger activation", () -> {
            b.raw().click("trigger-activation");
            b.until("activation listed", Duration.ofSeconds(30), d -> {
                Set<String> now = activationIds(d);
                now.removeAll(before);
                id[0] = now.stream().findFirst().orElse(null);
                return id[0] != null;
            });
        });
        b.until("activation VOTING", WORKFLOW, d -> {
            String status = d.findElement(By.id("activation-status-" + id[0])).getText();
            if (status.startsWith("DENIED")) {
                throw new StepFailure(Recorder.Kind.STEP_FAILURE, "trigger", "the treaty rules denied the activation", null);
            }
            return status.startsWith("VOTING");
        });
        b.logout();
        return id[0];
    }

    /** A member approves on the activation's page (with their share for a real activation); stays signed in. */
    private void vote(SoakBrowser b, String member, String id, String share) {
        b.login(member);
        b.page("activation/detail/{id}", "activation/detail/" + id, "activation-status");
        if (share != null) {
            b.step("key share", () -> b.raw().type("key-share", share));
        }
        b.action("vote", () -> {
            b.raw().click("approve");
            b.raw().waitUntil(d -> d.findElement(By.id("my-vote")).getText().startsWith("You approved"));
        });
    }

    private static String status(WebDriver d) {
        return d.findElement(By.id("activation-status")).getText();
    }

    private static Set<String> activationIds(WebDriver d) {
        return d.findElements(By.cssSelector("[id^='activation-status-']")).stream()
                .map(e -> e.getDomAttribute("id").substring("activation-status-".length()))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
