package org.dataembassy.portal.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * README, "Onboarding a dataset to its embassies": dora requests a CONFIDENTIAL dataset with personal data (review),
 * lola approves it, dora sees it ACCEPTED, sam approves keys with a real source folder under {@code <data>/sources}
 * and embassy-lu, dora watches it become ACTIVE with a verified snapshot and asks for two transfers: embassy-lu
 * COMPLETED, embassy-mc DENIED.
 */
final class OwnerJourney implements Journey {

    private static final Duration WORKFLOW = Duration.ofSeconds(180);
    private final SoakWorld world;

    OwnerJourney(SoakWorld world) {
        this.world = world;
    }

    @Override
    public String name() {
        return "onboarding and transfers";
    }

    @Override
    public void walk(SoakBrowser b) throws Exception {
        String n = world.next();
        String dataset = "Soak land register " + n;
        b.login("dora");
        b.page("datasets/onboard", "datasets/onboard", "name");
        b.step("fill the onboarding form", () -> {
            b.raw().type("name", dataset);
            b.raw().type("owning-agency", "Land Board");
            b.raw().type("legal-basis", "Land Register Act § 3 (soak " + n + ")");
            b.raw().choose("classification", "CONFIDENTIAL");
            b.raw().await(By.cssSelector("#personal-data label")).click();
            b.raw().waitUntil(d -> d.findElement(By.id("personal-data")).getDomAttribute("checked") != null);
            b.raw().type("size-estimate", "1");
        });
        b.action("submit onboarding", () -> {
            b.raw().click("submit");
            b.raw().awaitText(dataset);
        });
        String id = requestId(b, dataset);
        b.until("request IN_REVIEW", WORKFLOW, d -> status(d, id).equals("IN_REVIEW"));
        b.step("treaty reason shown", () -> b.raw().awaitText("PERSONAL_DATA_REVIEW"));
        b.logout();

        b.login("lola");
        int reviewed = 0;
        while (reviewed < 5 && Tasks.openFirst(b, "Review onboarding request")) {
            b.step("review the request", () -> {
                b.raw().awaitText("Review: ");
                b.raw().type("review-comment", "Legal basis confirmed (soak)");
            });
            b.action("approve review", () -> {
                b.raw().click("approve");
                b.raw().await(By.id("tasks"));
            });
            reviewed++;
        }
        b.logout();

        b.login("dora");
        b.page("datasets", "datasets", "requests");
        b.until("request ACCEPTED", WORKFLOW, d -> List.of("ACCEPTED", "REPLICATING", "ACTIVE").contains(status(d, id)));
        b.logout();

        b.login("sam");
        int approved = 0;
        while (approved < 5 && Tasks.openFirst(b, "Approve keys and embassy sites")) {
            approveKeys(b);
            approved++;
        }
        b.logout();

        b.login("dora");
        b.page("datasets", "datasets", "requests");
        b.until("dataset ACTIVE", WORKFLOW, d -> status(d, id).equals("ACTIVE"));
        b.until("verified snapshot shown", WORKFLOW, d -> d.findElement(By.id("replicas-" + id)).getText()
                .startsWith("embassy-lu: verified snapshot"));
        world.datasetActive.set(true);
        b.page("transfers", "transfers", "transfers");
        transfer(b, dataset, "embassy-lu", "COMPLETED");
        transfer(b, dataset, "embassy-mc", "DENIED");
        b.logout();
    }

    /** The keys form of the open task: a fresh source folder with files, embassy-lu ticked, approved. */
    private void approveKeys(SoakBrowser b) throws Exception {
        String heading = b.step("keys form", () -> b.raw().await(By.xpath("//h2[starts-with(., 'Keys and sites: ')]")).getText());
        Path source = sourceFolder(heading.substring("Keys and sites: ".length()));
        b.step("fill the keys form", () -> {
            b.raw().type("source-folder", source.toString());
            WebElement lu = b.raw().await(By.xpath("//*[@id='embassy-sites']//vaadin-checkbox[.//label[starts-with(normalize-space(), 'embassy-lu')]]"));
            if (lu.getDomAttribute("checked") == null) {
                lu.findElement(By.tagName("label")).click();
                b.raw().waitUntil(d -> lu.getDomAttribute("checked") != null);
            }
        });
        b.action("approve keys", () -> {
            b.raw().click("approve-keys");
            b.raw().await(By.id("tasks"));
        });
    }

    /** A register-like tree of about 1 MB under the configured source root, one per dataset. */
    private Path sourceFolder(String dataset) throws Exception {
        Path folder = Files.createDirectories(world.dataDir.resolve("sources").resolve(dataset.replaceAll("\\W+", "-")));
        for (int f = 0; f < 8; f++) {
            StringBuilder csv = new StringBuilder("parcel;owner;area_m2;updated\n");
            for (int r = 0; r < 3000; r++) {
                csv.append("EE-").append(f).append('-').append(r).append(";owner ").append((r * 7919) % 1000)
                        .append(';').append(100 + (r * 31) % 9000).append(";2026-0").append(1 + r % 9).append("-15\n");
            }
            Files.writeString(folder.resolve("parcels-" + f + ".csv"), csv);
        }
        return folder;
    }

    private void transfer(SoakBrowser b, String dataset, String site, String expected) {
        Set<String> before = transferIds(b.driver());
        b.step("choose the transfer", () -> {
            b.raw().choose("transfer-dataset", dataset);
            b.raw().choose("transfer-site", site);
        });
        b.action("request transfer", () -> b.raw().click("request-transfer"));
        b.until("transfer to " + site + " " + expected, WORKFLOW, d -> {
            for (List<WebElement> row : b.rows("transfers")) {
                if (SoakBrowser.cellText(row, 0).equals(dataset) && SoakBrowser.cellText(row, 1).equals(site)
                        && SoakBrowser.cellText(row, 4).equals("dora")) {
                    List<WebElement> badge = row.get(2).findElements(By.cssSelector("[id^='transfer-status-']"));
                    if (!badge.isEmpty() && !before.contains(badge.get(0).getDomAttribute("id"))) {
                        String status = badge.get(0).getText();
                        if (!status.equals(expected) && List.of("COMPLETED", "DENIED", "REJECTED").contains(status)) {
                            throw new StepFailure(Recorder.Kind.STEP_FAILURE, "transfer", "ended " + status + ": "
                                    + SoakBrowser.cellText(row, 5), null);
                        }
                        return status.equals(expected);
                    }
                }
            }
            return false;
        });
    }

    private static Set<String> transferIds(WebDriver driver) {
        return driver.findElements(By.cssSelector("[id^='transfer-status-']")).stream()
                .map(e -> e.getDomAttribute("id")).collect(Collectors.toCollection(HashSet::new));
    }

    /** The id of the data owner's request named {@code dataset}, from its status badge in the list. */
    private static String requestId(SoakBrowser b, String dataset) {
        String[] id = new String[1];
        b.until("request listed", Duration.ofSeconds(30), d -> {
            for (List<WebElement> row : b.rows("requests")) {
                if (SoakBrowser.cellText(row, 0).equals(dataset)) {
                    List<WebElement> badge = row.get(2).findElements(By.cssSelector("[id^='status-']"));
                    if (!badge.isEmpty()) {
                        id[0] = badge.get(0).getDomAttribute("id").substring("status-".length());
                        return true;
                    }
                }
            }
            return false;
        });
        return id[0];
    }

    private static String status(WebDriver d, String id) {
        return d.findElement(By.id("status-" + id)).getText();
    }
}
