package org.dataembassy.portal.soak;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code make soak}: starts the packaged jar on the embedded default in a fresh data folder, drives a bounded mixed
 * workload for {@code SOAK_MINUTES}, checks the end state, writes target/soak/soak-report.json and docs/soak.md, and
 * exits 0 when the portal stayed flat, 1 when not ({@link Verdict}), 2 when the soak itself could not run.
 */
public final class SoakRun {

    private static final Duration GRACE = Duration.ofMinutes(6);
    /** Kept: java.util.logging holds loggers weakly. Selenium's CDP version notice is noise here (no CDP is used). */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private SoakRun() {
    }

    public static void main(String[] args) throws Exception {
        SELENIUM.setLevel(Level.SEVERE);
        SoakSettings settings = SoakSettings.fromSystemProperties();
        Files.createDirectories(settings.out());
        PortalProcess portal = settings.attached() ? PortalProcess.attach(settings) : PortalProcess.start(settings);
        int exit;
        try {
            exit = soak(settings, portal);
        } catch (Exception e) {
            System.err.println("[soak] the soak could not run: " + e);
            e.printStackTrace();
            exit = 2;
        } finally {
            portal.stop();
        }
        System.exit(exit);
    }

    private static int soak(SoakSettings settings, PortalProcess portal) throws Exception {
        portal.awaitHealthy(Duration.ofMinutes(5));
        Recorder recorder = new Recorder();
        String base = portal.baseUrl();
        Files.createDirectories(settings.dataDir().resolve("sources"));
        AgreementPublications publications = new AgreementPublications(new ApiClient(base, "lola", recorder),
                new ApiClient(base, "leo", recorder));
        String tag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String apiAgreement = publications.createPublished("DE", "api" + tag)
                .orElseThrow(() -> new IllegalStateException("could not publish the soak's API agreement"));
        String uiAgreement = publications.createPublished("NL", "ui" + tag)
                .orElseThrow(() -> new IllegalStateException("could not publish the soak's UI agreement"));
        SoakWorld world = new SoakWorld(base, settings.dataDir(), settings.out().resolve("screenshots"), recorder,
                apiAgreement, uiAgreement);
        List<List<Journey>> browsers = browserJourneys(world, settings.browsers());
        List<String> journeyNames = browsers.stream().flatMap(List::stream).map(Journey::name).distinct().toList();

        ApiClient admin = new ApiClient(base, "ada", recorder);
        ResourceSampler sampler = new ResourceSampler(portal, admin, recorder);
        Instant startedAt = Instant.now();
        String loadStart = ResourceSampler.loadAverage();
        Sample first = sampler.sample();
        System.err.printf("[soak] workload for %s: %d browsers, %d API clients at %s/s, agreements %s (API) and %s (UI)%n",
                settings.duration(), settings.browsers(), settings.apiThreads(), settings.apiRatePerThread(), apiAgreement,
                uiAgreement);

        ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
        sampling.scheduleAtFixedRate(sampler, settings.sampleEvery().toMillis(), settings.sampleEvery().toMillis(),
                TimeUnit.MILLISECONDS);
        // windows count from the recorder's start, so the setup above falls into the first window (the warm-up)
        long deadline = settings.duration().toMillis();
        ExecutorService workers = Executors.newFixedThreadPool(browsers.size() + settings.apiThreads() + 1);
        for (int i = 0; i < browsers.size(); i++) {
            workers.submit(new BrowserWorker("browser-" + (i + 1), browsers.get(i), world, deadline));
        }
        List<String> apiUsers = List.of("lola", "aude", "ada", "leo");
        for (int i = 0; i < settings.apiThreads(); i++) {
            workers.submit(new DecisionTraffic(new ApiClient(base, apiUsers.get(i % apiUsers.size()), recorder), recorder,
                    settings.apiRatePerThread(), deadline));
        }
        workers.submit(new PublicationLoop(publications, apiAgreement, recorder, settings.publishEvery().toMillis(), deadline));
        workers.shutdown();
        progress(recorder, deadline, settings);
        if (!workers.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) { // progress() waited for the deadline
            recorder.failure(Recorder.Kind.STEP_FAILURE, "workers", "journeys still running " + GRACE + " after the deadline");
            workers.shutdownNow();
            workers.awaitTermination(1, TimeUnit.MINUTES);
        }

        System.err.println("[soak] workload over; final checks");
        FinalChecks.Result end = FinalChecks.run(world, sampler);
        Sample last = sampler.sample();
        sampling.shutdownNow();
        String loadEnd = ResourceSampler.loadAverage();
        threadDump(portal, settings.out().resolve("portal-threads-at-end.txt"));
        portal.stop();
        LogScan.Findings log = LogScan.scan(portal.log());

        RunFacts facts = new RunFacts(startedAt, loadStart, loadEnd, Runtime.getRuntime().availableProcessors(),
                memoryGiB(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), base,
                PortalProcess.SOAK_ARGUMENTS, journeyNames, first, last);
        List<Sample> samples = sampler.samples();
        Verdict.Result verdict = Verdict.judge(recorder, Windows.resources(samples, settings), log, end,
                facts.serverErrors(), journeyNames);
        SoakReport report = new SoakReport(settings, facts, recorder, samples, log, end, verdict, world.lastIncidents.get());
        Files.writeString(settings.out().resolve("soak-report.json"), ApiClient.JSON.copy()
                .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report.json()));
        String markdown = report.markdown();
        Files.writeString(settings.out().resolve("soak.md"), markdown);
        if (settings.docs() != null) {
            Files.writeString(settings.docs(), markdown);
        }
        System.err.println("[soak] wrote " + settings.out().resolve("soak-report.json")
                + (settings.docs() == null ? "" : " and " + settings.docs()));
        System.err.println("[soak] " + (verdict.passed() ? "PASSED" : "FAILED: " + String.join("; ", verdict.failures())));
        return verdict.passed() ? 0 : 1;
    }

    /** Two browsers: the data owner's journeys beside the committee's, legal officers' and overseers'. */
    private static List<List<Journey>> browserJourneys(SoakWorld world, int browsers) {
        List<Journey> owner = List.of(new OwnerJourney(world), new AgreementUiJourney(world));
        List<Journey> others = List.of(new OversightJourney(world), new CommitteeJourney(world), new JurisdictionJourney(world));
        if (browsers <= 1) {
            List<Journey> all = new ArrayList<>(owner);
            all.addAll(others);
            return List.of(all);
        }
        List<List<Journey>> out = new ArrayList<>(List.of(owner, others));
        for (int i = 2; i < browsers; i++) {
            out.add(List.of(new OversightJourney(world)));
        }
        return out;
    }

    /** One line a minute on stderr, so a long run shows it is alive. */
    private static void progress(Recorder recorder, long deadline, SoakSettings settings) throws InterruptedException {
        while (recorder.nowMillis() < deadline) {
            Thread.sleep(Math.min(60_000, Math.max(1, deadline - recorder.nowMillis())));
            System.err.printf("[soak] %.0f of %d min: %d calls, errors %s%n", recorder.nowMillis() / 60000.0,
                    settings.duration().toMinutes(), recorder.calls().size(), recorder.errorsByKind());
        }
    }

    /** The portal's threads as the workload left them (what a stuck page or a held connection waits on). */
    private static void threadDump(PortalProcess portal, Path file) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return;
        }
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(portal.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!dump.waitFor(30, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
            }
        } catch (Exception e) {
            System.err.println("[soak] no thread dump: " + e);
        }
    }

    private static long memoryGiB() {
        return Optional.of(ManagementFactory.getOperatingSystemMXBean())
                .filter(b -> b instanceof OperatingSystemMXBean)
                .map(b -> ((OperatingSystemMXBean) b).getTotalMemorySize() / (1024L * 1024 * 1024))
                .orElse(-1L);
    }
}
