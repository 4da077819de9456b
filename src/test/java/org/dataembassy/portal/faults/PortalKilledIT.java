package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.dataembassy.portal.policy.internal.BundleBuilder;
import org.dataembassy.portal.replication.ProgressListener;
import org.dataembassy.portal.replication.RestoreRequest;
import org.dataembassy.portal.replication.RestoreResult;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.SiteScrub;
import org.dataembassy.portal.replication.SnapshotInfo;
import org.dataembassy.portal.replication.engine.LocalReplicationEngine;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.site.FolderSiteStore;
import org.dataembassy.portal.replication.site.SiteStore;
import org.dataembassy.portal.soak.Recorder;
import org.dataembassy.portal.soak.SoakBrowser;
import org.dataembassy.portal.soak.Tasks;
import org.dataembassy.portal.support.ApiSession;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 12, "the portal killed with SIGKILL mid-replication, mid-vote and mid-publish, then started again": the
 * packaged jar on one data folder (H2 file database, folder sites, policy state) is killed while a dataset's first
 * replication runs, after two of the three votes an emergency activation needs, right after the quorum vote, and
 * while a publication waits for OPA — and started again each time. Jobs resume; every snapshot at every site
 * verifies and restores; the activation is ACTIVE exactly once with each vote counted once; the bundle the portal
 * serves and OPA runs is a complete published revision. Last, SIGTERM with a transfer's replication job, OPA's
 * bundle long poll and a browser session in flight: the portal must be gone within 15 s. Figures in
 * {@code target/portal-killed.json}.
 *
 * <p>Users act as they would: onboarding, keys, the activation and the transfer in headless Chromium (the soak's
 * {@link SoakBrowser} and {@link Tasks}), the agreement through the REST API. Between a kill and the next start the
 * test reads the database and the sites directly (the portal is down, so nothing else holds them).
 */
class PortalKilledIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "embassy-demo";
    private static final Duration START = Duration.ofSeconds(300); // bounded; a loaded CI box took over 3 min
    private static final Duration WORKFLOW = Duration.ofSeconds(150);
    private static final List<String> SITES = List.of("home-ee", "embassy-lu", "embassy-mc");
    /** Random bytes do not compress or deduplicate: the first replication writes every one of them. */
    private static final int SOURCE_MB = Integer.getInteger("killed.source-mb", 96);

    private final Path root = Path.of("target/portal-killed").toAbsolutePath();
    private final Path data = root.resolve("data");
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private JarPortal portal;
    private SoakBrowser browser;
    private int kills;
    /** The sites the security officer chose (as recorded): the ones the portal replicates to and verifies. */
    private List<String> targetSites = List.of();
    /** Sign-ins that came back to the login form and were made again (figure {@code loginsRepeated}). */
    private final List<String> repeatedLogins = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.destroy();
        }
        figures.put("kills", kills);
        figures.put("loginsRepeated", repeatedLogins);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/portal-killed.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
    }

    @Test
    void killedMidReplicationMidVoteAndMidPublishThePortalResumesAndStopsGracefullyWithin15Seconds() throws Exception {
        long begin = System.nanoTime();
        deleteTree(root);
        Files.createDirectories(root);
        Path jar = Path.of(System.getProperty("portal.jar", "target/data-embassy-portal-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        portal = new JarPortal(jar, data, root, List.of());
        start();

        String dataset = midReplication();
        midVote();
        midPublish();
        gracefulShutdown(dataset);
        verifyOffline(dataset);
        figures.put("itSeconds", Math.round((System.nanoTime() - begin) / 1e9));
    }

    // ------------------------------------------------------------------ mid-replication

    /** Onboards a dataset of {@value #SOURCE_MB} MB, kills the portal while its first replication runs; its id. */
    private String midReplication() throws Exception {
        String name = "Killed land register";
        signIn("dora");
        browser.page("datasets/onboard", "datasets/onboard", "name");
        browser.step("fill the onboarding form", () -> {
            browser.raw().type("name", name);
            browser.raw().type("owning-agency", "Land Board");
            browser.raw().type("legal-basis", "Land Register Act § 3 (portal killed)");
            browser.raw().choose("classification", "CONFIDENTIAL");
            browser.raw().await(By.cssSelector("#personal-data label")).click();
            browser.raw().waitUntil(d -> d.findElement(By.id("personal-data")).getDomAttribute("checked") != null);
            browser.raw().type("size-estimate", "1");
        });
        browser.step("submit onboarding", () -> {
            browser.raw().click("submit");
            browser.raw().awaitText(name);
        });
        String[] found = new String[1];
        browser.until("request listed", Duration.ofSeconds(30), d -> {
            for (List<WebElement> row : browser.rows("requests")) {
                if (SoakBrowser.cellText(row, 0).equals(name) && row.get(2) != null) {
                    List<WebElement> badge = row.get(2).findElements(By.cssSelector("[id^='status-']"));
                    if (!badge.isEmpty()) {
                        found[0] = badge.get(0).getDomAttribute("id").substring("status-".length());
                        return true;
                    }
                }
            }
            return false;
        });
        String id = found[0];
        browser.until("request IN_REVIEW", WORKFLOW, d -> status(id).equals("IN_REVIEW"));
        browser.logout();

        signIn("lola");
        browser.until("review task offered", WORKFLOW, d -> Tasks.has(browser, "Review onboarding request"));
        assertThat(Tasks.openFirst(browser, "Review onboarding request")).isTrue();
        browser.step("review the request", () -> {
            browser.raw().awaitText("Review: ");
            browser.raw().type("review-comment", "Legal basis confirmed (portal killed)");
            browser.raw().click("approve");
            browser.raw().await(By.id("tasks"));
        });
        browser.logout();

        Path source = sourceFolder("killed-land-register", SOURCE_MB, 1);
        signIn("sam");
        browser.until("keys task offered", WORKFLOW, d -> Tasks.has(browser, "Approve keys and embassy sites"));
        assertThat(Tasks.openFirst(browser, "Approve keys and embassy sites")).isTrue();
        browser.step("fill the keys form", () -> {
            browser.raw().await(By.xpath("//h2[starts-with(., 'Keys and sites: ')]"));
            browser.raw().type("source-folder", source.toString());
            WebElement lu = browser.raw().await(By.xpath("//*[@id='embassy-sites']//vaadin-checkbox"
                    + "[.//label[starts-with(normalize-space(), 'embassy-lu')]]"));
            if (lu.getDomAttribute("checked") == null) {
                lu.findElement(By.tagName("label")).click();
                browser.raw().waitUntil(d -> lu.getDomAttribute("checked") != null);
            }
        });
        long before = treeBytes(data.resolve("sites"));
        browser.step("approve keys", () -> {
            browser.raw().click("approve-keys");
            browser.raw().await(By.id("tasks"));
        });
        // a quarter of the data is at the sites: the replicate job is running
        long threshold = before + SOURCE_MB * 1024L * 1024 / 4;
        boolean running = waitFor(Duration.ofSeconds(120), Duration.ofMillis(50),
                () -> treeBytes(data.resolve("sites")) > threshold);
        assertThat(running).as("the replication wrote a quarter of the data within 120 s").isTrue();
        long written = treeBytes(data.resolve("sites")) - before;
        kill();
        figures.put("replicationKilledAfterBytes", written);

        try (Connection db = database()) {
            assertThat(one(db, "select status from onboarding_request where id = ?", id)).as("status when killed")
                    .isEqualTo("REPLICATING");
            String owner = one(db, "select j.LOCK_OWNER_ from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_"
                    + " where d.ACT_ID_ = ?", "Task_InitialReplication");
            assertThat(owner).as("the replicate job was locked by the killed portal: it ran when the kill came")
                    .isNotNull();
            figures.put("replicateJobLockOwnerAtKill", owner);
            targetSites = List.of(one(db, "select target_sites from onboarding_request where id = ?", id)
                    .split("[,;\\s]+"));
            assertThat(targetSites).as("the sites the dataset goes to").contains("embassy-lu").isSubsetOf(SITES);
            figures.put("targetSites", targetSites);
        }
        Map<String, Object> atKill = verifySnapshots(id, false);
        figures.put("sitesWhenReplicationKilled", atKill);

        long restarted = System.nanoTime();
        start();
        signIn("dora");
        browser.page("datasets", "datasets", "requests");
        browser.until("dataset ACTIVE after the restart", WORKFLOW, d -> status(id).equals("ACTIVE"));
        browser.until("verified snapshot shown", WORKFLOW, d -> d.findElement(By.id("replicas-" + id)).getText()
                .startsWith("embassy-lu: verified snapshot"));
        figures.put("replicationResumedToActiveSeconds", Math.round((System.nanoTime() - restarted) / 1e8) / 10.0);
        browser.logout();
        return id;
    }

    // ------------------------------------------------------------------ mid-vote

    /** A rehearsal: cora triggers, cade approves (2 of 3), kill; cleo approves (quorum), kill at once; ACTIVE once. */
    private void midVote() throws Exception {
        signIn("cora");
        browser.page("activation", "activation", "trigger-activation");
        browser.step("fill the trigger form", () -> {
            browser.raw().choose("activation-agreement", "ee_lu");
            browser.raw().choose("activation-site", "embassy-lu");
            browser.raw().choose("emergency-type", "CYBER_ATTACK");
            browser.raw().type("justification", "Government data centres unreachable (portal killed rehearsal)");
            for (String declaration : List.of("CRISIS_DECLARED", "PRIMARY_SITES_UNAVAILABLE")) {
                browser.raw().await(By.xpath("//*[@id='declarations']//vaadin-checkbox//label[normalize-space()='"
                        + declaration + "']")).click();
            }
            browser.raw().await(By.cssSelector("#rehearsal label")).click();
            browser.raw().waitUntil(d -> d.findElement(By.id("rehearsal")).getDomAttribute("checked") != null);
        });
        browser.step("trigger", () -> browser.raw().click("trigger-activation"));
        String[] id = new String[1];
        browser.until("activation listed", Duration.ofSeconds(30), d -> {
            List<WebElement> badges = d.findElements(By.cssSelector("[id^='activation-status-']"));
            id[0] = badges.size() == 1 ? badges.get(0).getDomAttribute("id").substring("activation-status-".length()) : null;
            return id[0] != null;
        });
        browser.until("activation VOTING", WORKFLOW, d -> d.findElement(By.id("activation-status-" + id[0])).getText()
                .startsWith("VOTING"));
        browser.logout();
        figures.put("activation", id[0]);

        vote("cade", id[0]);
        kill();
        try (Connection db = database()) {
            assertThat(count(db, "select count(*) from activation_vote where activation_id = ?", id[0]))
                    .as("votes when killed after the second").isEqualTo(2);
            assertThat(one(db, "select status from emergency_activation where id = ?", id[0])).isEqualTo("VOTING");
        }
        start();

        vote("cleo", id[0]); // the third: the quorum
        kill();
        try (Connection db = database()) {
            assertThat(count(db, "select count(*) from activation_vote where activation_id = ?", id[0]))
                    .as("votes when killed after the quorum vote").isEqualTo(3);
            figures.put("activationStatusWhenKilledAfterQuorum",
                    one(db, "select status from emergency_activation where id = ?", id[0]));
        }
        start();
        signIn("cleo");
        browser.page("activation/detail/{id}", "activation/detail/" + id[0], "activation-status");
        browser.until("activation ACTIVE after the restart", WORKFLOW, d -> d.findElement(By.id("activation-status"))
                .getText().startsWith("ACTIVE"));
        browser.step("cleo's vote still shown", () -> assertThat(browser.driver().findElement(By.id("my-vote"))
                .getText()).startsWith("You approved"));
        browser.logout();
    }

    private void vote(String member, String activation) {
        signIn(member);
        browser.page("activation/detail/{id}", "activation/detail/" + activation, "activation-status");
        browser.step(member + " votes", () -> {
            browser.raw().click("approve");
            browser.raw().waitUntil(d -> d.findElement(By.id("my-vote")).getText().startsWith("You approved"));
        });
    }

    // ------------------------------------------------------------------ mid-publish

    /** v1 published, v2 approved; killed once the portal serves v2's bundle and before OPA reported it active. */
    private void midPublish() throws Exception {
        ApiSession lola = new ApiSession(port(), "lola");
        ApiSession leo = new ApiSession(port(), "leo");
        HttpResponse<String> created = lola.post("/api/agreements", "{\"template\": \"ee_lu\", \"originatingState\": \"EE\", \"hostState\": \"LU\","
                + " \"title\": \"Killed publication\", \"treatyReference\": \"portal killed\", \"suffix\": \"killed\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode v1 = ApiSession.body(created);
        String key = v1.get("agreementKey").asText();
        approve(lola, leo, key, v1, "\"PUBLIC\", \"INTERNAL\"", "in force");
        assertThat(leo.post("/api/agreements/" + key + "/versions/1/publish", "").statusCode()).isEqualTo(200);
        // The kill must come after the new bundle is served and before the publication answers; OPA activates a
        // served bundle within milliseconds (long poll), so an attempt can lose that race: then the next version.
        JsonNode v2 = null;
        String before = null;
        boolean killedWithRestricted = false;
        for (int attempt = 1; attempt <= 3 && v2 == null; attempt++) {
            int latest = ApiSession.body(lola.get("/api/agreements/" + key + "/versions")).get(0).get("version").asInt();
            HttpResponse<String> drafted = lola.post("/api/agreements/" + key + "/versions", "{\"basedOn\": " + latest + "}");
            assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
            JsonNode draft = ApiSession.body(drafted);
            approve(lola, leo, key, draft, attempt % 2 == 1 ? "\"PUBLIC\", \"INTERNAL\", \"RESTRICTED\""
                    : "\"PUBLIC\", \"INTERNAL\"", "restricted data too, attempt " + attempt);
            before = opaRevision();
            assertThat(servedBundle().revision()).isEqualTo(before);
            int served = occurrences(portal.logText(), "serving policy bundle revision");
            ApiSession publisher = leo;
            CompletableFuture<Integer> publish = CompletableFuture.supplyAsync(() -> {
                try {
                    return publisher.post("/api/agreements/" + key + "/versions/" + draft.get("version").asInt()
                            + "/publish", "").statusCode();
                } catch (Exception e) {
                    return -1; // the portal died under the request
                }
            });
            boolean serving = waitFor(Duration.ofSeconds(30), Duration.ofMillis(2),
                    () -> occurrences(logQuietly(), "serving policy bundle revision") > served);
            assertThat(serving).as("the new bundle was served").isTrue();
            if (publish.isDone()) {
                figures.merge("publishRacesLost", 1, (a, b) -> (Integer) a + (Integer) b);
                assertThat(publish.get()).isEqualTo(200);
                continue;
            }
            kill();
            int answer = publish.get(30, TimeUnit.SECONDS);
            start();
            lola = new ApiSession(port(), "lola");
            leo = new ApiSession(port(), "leo");
            if (answer == -1) {
                v2 = draft;
                killedWithRestricted = attempt % 2 == 1;
            } else {
                figures.merge("publishRacesLost", 1, (a, b) -> (Integer) a + (Integer) b);
                assertThat(answer).isEqualTo(200);
            }
        }
        assertThat(v2).as("a kill between serving the new bundle and the publication's answer, in 3 attempts").isNotNull();
        figures.put("bundleRevisionBeforePublish", before);
        String restricted = killedWithRestricted ? "RESTRICTED" : "NOT-RESTRICTED";
        figures.put("killedPublicationVersion", v2.get("version").asInt());

        String status = versionStatus(lola, key, v2.get("version").asInt());
        Bundle bundle = servedBundle();
        String active = opaRevision();
        figures.put("versionStatusAfterRestart", status);
        figures.put("bundleRevisionAfterRestart", bundle.revision());
        assertThat(active).as("OPA runs the bundle the portal serves").isEqualTo(bundle.revision());
        assertThat(bundle.complete()).as("every file of the served bundle is listed in its signatures, and no more")
                .isTrue();
        String terms = bundle.files().get("dataembassy/agreements/" + key + "/data.json");
        assertThat(terms).as("the agreement's published terms in the bundle").isNotNull();
        if (status.equals("PUBLISHED")) {
            assertThat(bundle.revision()).isNotEqualTo(before);
            assertThat(terms.contains("RESTRICTED")).isEqualTo(restricted.equals("RESTRICTED"));
        } else {
            assertThat(status).isEqualTo("APPROVED");
            assertThat(bundle.revision()).isEqualTo(before);
            assertThat(terms.contains("RESTRICTED")).isEqualTo(!restricted.equals("RESTRICTED"));
            HttpResponse<String> again = leo.post("/api/agreements/" + key + "/versions/"
                    + v2.get("version").asInt() + "/publish", "");
            assertThat(again.statusCode()).as("publishing again after the restart: %s", again.body()).isEqualTo(200);
        }
        Bundle after = servedBundle();
        assertThat(opaRevision()).isEqualTo(after.revision()).isNotEqualTo(before);
        assertThat(after.files().get("dataembassy/agreements/" + key + "/data.json").contains("RESTRICTED"))
                .isEqualTo(restricted.equals("RESTRICTED"));
        figures.put("bundleRevisionAfterPublish", after.revision());
    }

    private static void approve(ApiSession author, ApiSession reviewer, String key, JsonNode draft, String classes,
                                String note) throws Exception {
        String base = "/api/agreements/" + key + "/versions/" + draft.get("version").asInt();
        ObjectNode content = JSON.createObjectNode();
        content.put("termsJson", TestAgreements.inForce(draft.get("termsJson").asText(), classes));
        content.put("regoSource", draft.get("regoSource").asText());
        content.put("testsSource", draft.get("testsSource").asText());
        content.put("changeNote", note);
        for (HttpResponse<String> r : List.of(author.put(base, content.toString()), author.post(base + "/submit", ""),
                reviewer.post(base + "/approve", "{\"comment\": \"checked (portal killed)\"}"))) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    private static String versionStatus(ApiSession session, String key, int version) throws Exception {
        for (JsonNode v : ApiSession.body(session.get("/api/agreements/" + key + "/versions"))) {
            if (v.get("version").asInt() == version) {
                return v.get("status").asText();
            }
        }
        throw new AssertionError("no v" + version + " of " + key);
    }

    // ------------------------------------------------------------------ graceful shutdown

    /**
     * New data in the dataset's folder, dora asks for a transfer to embassy-lu: SIGTERM while its replication job
     * writes, OPA long-polls the bundle and dora's browser session is open. Started again, the transfer completes.
     */
    private void gracefulShutdown(String dataset) throws Exception {
        Path source = data.resolve("sources/killed-land-register");
        sourceFolder("killed-land-register", SOURCE_MB / 2, 2);
        signIn("dora");
        browser.page("transfers", "transfers", "transfers");
        browser.step("choose the transfer", () -> {
            browser.raw().choose("transfer-dataset", "Killed land register");
            browser.raw().choose("transfer-site", "embassy-lu");
        });
        long before = treeBytes(data.resolve("sites"));
        browser.step("request transfer", () -> browser.raw().click("request-transfer"));
        long threshold = before + SOURCE_MB * 1024L * 1024 / 16;
        boolean running = waitFor(Duration.ofSeconds(120), Duration.ofMillis(50),
                () -> treeBytes(data.resolve("sites")) > threshold);
        assertThat(running).as("the transfer's replication writes").isTrue();
        CompletableFuture<Integer> longPoll = longPoll();
        Thread.sleep(500);
        assertThat(longPoll.isDone()).as("a bundle long poll is held when SIGTERM comes").isFalse();
        double seconds = portal.terminate(Duration.ofSeconds(15));
        int released = longPoll.get(5, TimeUnit.SECONDS);
        figures.put("longPollAnsweredAtShutdown", released);
        assertThat(released).as("the long poll is answered (304), not cut").isEqualTo(304);
        figures.put("gracefulShutdownSeconds", seconds < 0 ? "over 15" : Math.round(seconds * 10) / 10.0);
        assertThat(seconds).as("the portal exits within 15 s of SIGTERM; log %s", portal.log()).isBetween(0.0, 15.0);
        figures.put("opaLeftRunningAfterSigterm", portal.orphansAfterTerminate());
        assertThat(portal.orphansAfterTerminate()).as("the supervised OPA stopped with the portal").isZero();
        try (Connection db = database()) {
            figures.put("transferJobsLeftAtShutdown", count(db, "select count(*) from ACT_RU_JOB j join ACT_RU_JOBDEF d"
                    + " on d.ID_ = j.JOB_DEF_ID_ where d.PROC_DEF_KEY_ = ?", "CrossBorderTransferProcess"));
        }
        browser.close();
        browser = null;

        start();
        signIn("dora");
        browser.page("transfers", "transfers", "transfers");
        browser.until("transfer COMPLETED after the restart", WORKFLOW, d -> browser.rows("transfers").stream()
                .anyMatch(row -> SoakBrowser.cellText(row, 1).equals("embassy-lu")
                        && SoakBrowser.cellText(row, 2).contains("COMPLETED")));
        browser.logout();
        double idle = portal.terminate(Duration.ofSeconds(15));
        figures.put("idleShutdownSeconds", Math.round(idle * 10) / 10.0);
        assertThat(idle).isBetween(0.0, 15.0);
        assertThat(Files.exists(source)).isTrue();
    }

    // ------------------------------------------------------------------ offline checks

    private void verifyOffline(String dataset) throws Exception {
        Map<String, Object> sites = verifySnapshots(dataset, true);
        figures.put("sitesAtEnd", sites);
        try (Connection db = database()) {
            String activation = (String) figures.get("activation");
            assertThat(count(db, "select count(*) from emergency_activation where status = 'ACTIVE'", null))
                    .as("activations ACTIVE").isEqualTo(1);
            assertThat(one(db, "select status from emergency_activation where id = ?", activation)).isEqualTo("ACTIVE");
            int activeEvents = count(db, "select count(*) from audit_entry where action = 'ACTIVATION_ACTIVE'"
                    + " and subject like ?", "%" + activation + "%");
            int quorumEvents = count(db, "select count(*) from audit_entry where action = 'QUORUM_REACHED'"
                    + " and subject like ?", "%" + activation + "%");
            figures.put("activations", activeEvents);
            assertThat(activeEvents).as("ACTIVATION_ACTIVE audited once").isEqualTo(1);
            assertThat(quorumEvents).as("QUORUM_REACHED audited once").isEqualTo(1);
            List<String> voters = column(db, "select member from activation_vote where activation_id = ? order by member",
                    activation);
            assertThat(voters).as("each vote counted once").containsExactly("cade", "cleo", "cora");
            figures.put("votes", voters);
            assertThat(count(db, "select count(*) from onboarding_request where status = 'ACTIVE'", null)).isEqualTo(1);
            assertThat(count(db, "select count(*) from ACT_RU_INCIDENT", null)).as("workflow incidents").isZero();
            assertThat(count(db, "select count(*) from transfer_request where status = 'COMPLETED'", null))
                    .as("the transfer interrupted by SIGTERM completed").isEqualTo(1);
        }
    }

    /**
     * Every snapshot at every site of the dataset, with the replication engine's own classes on the sites and the
     * state folder: scrubbed (when {@code requireClean}), listed per site, each restored and its files compared with
     * what the source held when it was taken (only files the restore names, so the source may have grown since).
     */
    private Map<String, Object> verifySnapshots(String dataset, boolean requireClean) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, SiteStore> stores = new LinkedHashMap<>();
        for (String site : targetSites) {
            stores.put(site, new FolderSiteStore(site, data.resolve("sites").resolve(site)));
        }
        Kek kek = Kek.fromHex(Files.readString(data.resolve("replication/kek.secret"), StandardCharsets.US_ASCII).trim());
        int verified = 0;
        try (LocalReplicationEngine engine = LocalReplicationEngine.open(data.resolve("replication/state"), kek, stores)) {
            ScrubReport scrub = engine.scrub(dataset);
            result.put("scrubClean", scrub.clean());
            result.put("objectsChecked", scrub.sites().stream().mapToLong(SiteScrub::objectsChecked).sum());
            if (requireClean) {
                assertThat(scrub.clean()).as("scrub of every site: %s", scrub.sites()).isTrue();
            }
            Path restores = Files.createDirectories(root.resolve("restores"));
            for (String site : targetSites) {
                List<SnapshotInfo> snapshots = engine.snapshots(dataset, site);
                result.put(site, snapshots.size());
                for (SnapshotInfo snapshot : snapshots) {
                    Path target = restores.resolve(site + "-" + snapshot.id());
                    RestoreResult restored = engine.restore(new RestoreRequest(dataset, site, snapshot.id(), target),
                            ProgressListener.NONE);
                    assertThat(restored).isNotNull();
                    long files;
                    try (Stream<Path> walk = Files.walk(target)) {
                        files = walk.filter(Files::isRegularFile).count();
                    }
                    assertThat(files).as("files of snapshot %s at %s: the first replication's or the transfer's", snapshot.id(),
                            site).isIn((long) SOURCE_MB, (long) (SOURCE_MB + SOURCE_MB / 2));
                    assertThat(sameFiles(target, data.resolve("sources/killed-land-register")))
                            .as("snapshot %s at %s restores to the source's bytes", snapshot.id(), site).isTrue();
                    deleteTree(target);
                    verified++;
                }
            }
        }
        result.put("snapshotsVerified", verified);
        figures.merge("snapshotsVerified", verified, (a, b) -> (Integer) a + (Integer) b);
        return result;
    }

    // ------------------------------------------------------------------ the portal process

    private void start() throws Exception {
        portal.start(START);
        if (browser == null) {
            browser = new SoakBrowser(portal.baseUrl(), new Recorder(), root.resolve("screenshots"), "killed");
        } else {
            browser.close();
            browser = new SoakBrowser(portal.baseUrl(), new Recorder(), root.resolve("screenshots"), "killed");
        }
    }

    /**
     * Signs in; a sign-in that ends on the login form again is made once more and recorded. Seen once in CI (the
     * first sign-in after the last restart, while the resumed transfer loaded the machine: the page left /login, then
     * showed the login form again) and not reproduced in three runs of this test nor in 24 sign-ins after restarts
     * with both cores busy: what this test checks is the restart, not the login form, and the soak
     * keeps counting every failed sign-in as a failure.
     */
    private void signIn(String user) {
        try {
            browser.login(user);
        } catch (RuntimeException first) {
            if (!browser.driver().getCurrentUrl().contains("/login")) {
                throw first;
            }
            repeatedLogins.add(user + ": " + first.getMessage());
            System.err.println("[killed] sign-in repeated: " + first.getMessage());
            browser.login(user);
        }
    }

    private void kill() throws Exception {
        portal.kill();
        kills++;
    }

    private int port() {
        return URI.create(portal.baseUrl()).getPort();
    }

    private String opaRevision() throws Exception {
        ApiSession aude = new ApiSession(port(), "aude");
        JsonNode health = ApiSession.body(aude.get("/actuator/health"));
        return health.path("components").path("opa").path("details").path("bundleRevision").asText();
    }

    /** The bundle as OPA downloads it (with the bundle token): its files and its manifest's revision. */
    private Bundle servedBundle() throws Exception {
        String token = Files.readString(data.resolve("opa/signing/bundle-token")).trim();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(portal.baseUrl() + "/opa/bundles/dataembassy.tar.gz")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> files = untar(response.body());
        String manifest = files.get(".manifest");
        assertThat(manifest).as("the bundle's manifest").isNotNull();
        return new Bundle(JSON.readTree(manifest).path("revision").asText(), files);
    }

    /** A long poll as OPA makes it: If-None-Match the served ETag, Prefer: wait=60; its status, -1 if cut. */
    private CompletableFuture<Integer> longPoll() throws Exception {
        String token = Files.readString(data.resolve("opa/signing/bundle-token")).trim();
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(portal.baseUrl() + "/opa/bundles/dataembassy.tar.gz");
        String etag = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        return http.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                        .header("If-None-Match", etag).header("Prefer", "wait=60").timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode).exceptionally(e -> -1);
    }

    record Bundle(String revision, Map<String, String> files) {

        /** The signed file list names exactly the files of the bundle, each with its SHA-256 (the JWT's payload). */
        boolean complete() throws Exception {
            String signatures = files.get(".signatures.json");
            if (signatures == null) {
                return false;
            }
            String jwt = JSON.readTree(signatures).path("signatures").path(0).asText();
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            Map<String, String> signed = new TreeMap<>();
            for (JsonNode f : payload.path("files")) {
                signed.put(f.path("name").asText(), f.path("hash").asText());
            }
            Map<String, String> present = new TreeMap<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                if (!f.getKey().equals(".signatures.json")) {
                    present.put(f.getKey(), BundleBuilder.fileHash(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8)));
                }
            }
            return !signed.isEmpty() && signed.equals(present);
        }
    }

    // ------------------------------------------------------------------ helpers

    private String status(String request) {
        return browser.driver().findElement(By.id("status-" + request)).getText();
    }

    /** {@code mb} files of 1 MB of random bytes each in {@code <data>/sources/<name>} (a source root), seeded. */
    private Path sourceFolder(String name, int mb, long seed) throws IOException {
        Path folder = Files.createDirectories(data.resolve("sources").resolve(name));
        Random random = new Random(seed);
        byte[] block = new byte[1024 * 1024];
        for (int f = 0; f < mb; f++) {
            random.nextBytes(block);
            Files.write(folder.resolve(String.format("parcels-%d-%03d.bin", seed, f)), block);
        }
        return folder;
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/portal") + "", "sa", "");
    }

    private static String one(Connection db, String sql, String parameter) throws Exception {
        List<String> values = column(db, sql, parameter);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static int count(Connection db, String sql, String parameter) throws Exception {
        return Integer.parseInt(one(db, sql, parameter));
    }

    private static List<String> column(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private String logQuietly() {
        try {
            return portal.logText();
        } catch (IOException e) {
            return "";
        }
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static boolean waitFor(Duration atMost, Duration every, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(every.toMillis());
        }
        return condition.getAsBoolean();
    }

    private static long treeBytes(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.mapToLong(p -> {
                try {
                    return Files.isRegularFile(p) ? Files.size(p) : 0;
                } catch (IOException gone) {
                    return 0; // a temporary file renamed meanwhile
                }
            }).sum();
        } catch (IOException | UncheckedIOException racing) {
            return 0;
        }
    }

    /** Whether every regular file under {@code restored} has the same bytes at the same path under {@code source}. */
    private static boolean sameFiles(Path restored, Path source) throws IOException {
        try (Stream<Path> walk = Files.walk(restored)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            if (files.isEmpty()) {
                return false;
            }
            for (Path file : files) {
                Path original = source.resolve(restored.relativize(file).toString());
                if (!Files.isRegularFile(original) || Files.mismatch(file, original) != -1) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Map<String, String> untar(byte[] tarGz) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                byte[] content = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                if (header[156] == '0' || header[156] == 0) {
                    String path = (prefix.isEmpty() ? name : prefix + "/" + name).replaceFirst("^/", "");
                    files.put(path, new String(content, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
