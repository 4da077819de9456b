package org.dataembassy.portal.transfers.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.dataembassy.portal.PortalApplication;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.policy.bench.Latencies;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.DatasetVerified;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.OnboardingSlice;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferEvent;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Workflow benchmarks of issue 5, in the running portal on its embedded default (H2 file database, supervised
 * OPA, folder sites, Camunda's job executor), driven through the same services as the UI:
 *
 * <ol>
 *   <li>transfers on the automatic-allow path for a tiny ACTIVE dataset: time from {@code request} to the
 *       audited TRANSFER_COMPLETED (the site's replica scrubbed), p50/p99 and throughput, closed loop with
 *       {@code bench.transfer-concurrency} requests outstanding; anchor: the same three steps (treaty decision,
 *       replicate, scrub) called directly, one after the other, without the workflow;</li>
 *   <li>a large dataset ({@code bench.big-source}, e.g. the 1 GiB tree of the replication benchmark): time
 *       from the security officer's approval to the first verified replica (DATASET_VERIFIED of the embassy
 *       site) and to ACTIVE.</li>
 * </ol>
 * Not a test: run by {@code scripts/bench-workflow.sh}, which passes {@code bench.*} system properties and reads
 * the Markdown written to {@code bench.out}.
 */
public final class WorkflowBench {

    private static final String OWNER = "dora";
    private static final String SITE = "embassy-lu";
    private static String stepSplit = "";
    private static List<String> authz = List.of();

    public static void main(String[] args) throws Exception {
        int transfers = Integer.getInteger("bench.transfers", 1000);
        int concurrency = Integer.getInteger("bench.transfer-concurrency", 4);
        int direct = Integer.getInteger("bench.direct", 100);
        String big = System.getProperty("bench.big-source", "");
        Path out = Path.of(System.getProperty("bench.out", "target/workflow-bench.md"));
        Path work = Files.createTempDirectory("workflow-bench");
        Path sources = big.isEmpty() ? work.resolve("sources") : Path.of(big).toAbsolutePath().getParent();

        List<String> rows = new ArrayList<>();
        try (ConfigurableApplicationContext portal = start(work, sources)) {
            Completions completions = new Completions();
            portal.addApplicationListener(completions);
            var slice = new OnboardingSlice(portal.getBean(DatasetOnboarding.class), portal.getBean(WorkTasks.class));
            DatasetProvisioning activation = portal.getBean(DatasetProvisioning.class);
            CrossBorderTransfers transfersService = portal.getBean(CrossBorderTransfers.class);

            authz = authorization(portal, Integer.getInteger("bench.authz-calls", 20_000));
            OnboardingRequest tiny = slice.activeDataset(activation, OWNER, "bench-tiny", List.of(SITE));
            System.err.println("tiny dataset ACTIVE: " + tiny.id());

            // Warm-up: JIT, connection pools, the job executor's threads.
            runTransfers(transfersService, completions, tiny.id(), 50, concurrency);
            Latencies.Summary anchor = direct(portal, tiny, direct);
            rows.add("| what | requests | outstanding | p50 ms | p99 ms | max ms | per second | wall s |");
            rows.add("|---|---|---|---|---|---|---|---|");
            rows.add(row("steps called directly (decide + replicate + scrub), no workflow — anchor", anchor, 1));
            Latencies.Summary one = runTransfers(transfersService, completions, tiny.id(), Math.min(100, transfers), 1);
            rows.add(row("transfer workflow, request → verified replica", one, 1));
            Latencies.Summary many = runTransfers(transfersService, completions, tiny.id(), transfers, concurrency);
            rows.add(row("transfer workflow, request → verified replica", many, concurrency));
            rows.add("");
            rows.add(stepSplit);
            rows.add("");
            rows.add(String.format(Locale.ROOT, "Ratios: workflow p50 (1 outstanding) / direct steps p50 = %.2f;"
                    + " throughput with %d outstanding / direct steps = %.2f.", (double) one.p50() / anchor.p50(), concurrency,
                    many.perSecond() / anchor.perSecond()));
            System.err.println(String.join("\n", rows));

            if (!big.isEmpty()) {
                rows.add("");
                rows.addAll(bigDataset(slice, activation, completions, Path.of(big)));
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, String.join("\n", rows) + "\n");
        Files.writeString(Path.of(out.toString().replace(".md", "-authz.md")), String.join("\n", authz) + "\n");
        System.err.println("wrote " + out);
        System.exit(0);
    }

    /**
     * Cost per request of the portal's authorization: the plain role check the services did inline before
     * (CurrentUser.hasRole) against the same question asked of OPA (AccessPolicy.decide, a four-eyes review
     * decision over HTTP to the supervised OPA), one caller, after a warm-up of the same length.
     */
    private static List<String> authorization(ConfigurableApplicationContext portal, int calls) {
        AccessPolicy access = portal.getBean(AccessPolicy.class);
        CurrentUser user = portal.getBean(CurrentUser.class);
        Map<String, Object> resource = Map.of("requested_by", "dora");
        long[] plain = new long[calls];
        long[] opa = new long[calls];
        double[] seconds = new double[2];
        As.run("lola", "LEGAL_OFFICER", () -> {
            for (int round = 0; round < 2; round++) { // the first round warms up
                long begin = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    long start = System.nanoTime();
                    if (!user.hasRole(Role.LEGAL_OFFICER) || "dora".equals(user.requireUsername())) {
                        throw new IllegalStateException("plain check must allow");
                    }
                    plain[i] = System.nanoTime() - start;
                }
                seconds[0] = (System.nanoTime() - begin) / 1e9;
                begin = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    long start = System.nanoTime();
                    if (!access.decide("transfer.review", resource).allowed()) {
                        throw new IllegalStateException("OPA must allow");
                    }
                    opa[i] = System.nanoTime() - start;
                }
                seconds[1] = (System.nanoTime() - begin) / 1e9;
            }
        });
        Latencies.Summary p = Latencies.summarise(plain, seconds[0]);
        Latencies.Summary o = Latencies.summarise(opa, seconds[1]);
        return List.of(
                "| check (transfer review by lola, requested by dora) | calls | p50 µs | p99 µs | max µs |",
                "|---|---|---|---|---|",
                String.format(Locale.ROOT, "| plain role check + four-eyes comparison in Java (before) | %d | %.1f | %.1f | %.1f |",
                        p.calls(), p.p50() / 1e3, p.p99() / 1e3, p.max() / 1e3),
                String.format(Locale.ROOT, "| OPA `dataembassy/authz` via AccessPolicy.decide (now) | %d | %.1f | %.1f | %.1f |",
                        o.calls(), o.p50() / 1e3, o.p99() / 1e3, o.max() / 1e3),
                "",
                String.format(Locale.ROOT, "Overhead of OPA-based authorization per request: p50 +%.2f ms, p99 +%.2f ms.",
                        (o.p50() - p.p50()) / 1e6, (o.p99() - p.p99()) / 1e6));
    }

    /** Closed loop: {@code outstanding} requests in flight until {@code count} have completed. */
    private static Latencies.Summary runTransfers(CrossBorderTransfers service, Completions completions,
                                                  String datasetId, int count, int outstanding) throws InterruptedException {
        Semaphore slots = new Semaphore(outstanding);
        CountDownLatch done = new CountDownLatch(count);
        long[] latencies = new long[count];
        AtomicInteger failures = new AtomicInteger();
        long begin = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            int index = i;
            long start = System.nanoTime();
            String id = As.user(OWNER, "DATA_OWNER", () -> service.request(datasetId, SITE)).id();
            completions.onDone(id, outcome -> {
                latencies[index] = System.nanoTime() - start;
                if (!outcome.equals("TRANSFER_COMPLETED")) {
                    failures.incrementAndGet();
                }
                slots.release();
                done.countDown();
            });
        }
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " transfers did not finish in 30 minutes");
        }
        long wall = System.nanoTime() - begin;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " transfers did not complete (the path must be automatic allow)");
        }
        return Latencies.summarise(latencies, wall / 1e9);
    }

    /** The anchor: the three steps of a transfer, called directly in sequence, as the workflow would. */
    private static Latencies.Summary direct(ConfigurableApplicationContext portal, OnboardingRequest dataset, int count) {
        PolicyDecisions decisions = portal.getBean(PolicyDecisions.class);
        DatasetReplication replication = portal.getBean(DatasetReplication.class);
        Path source = Path.of(dataset.sourceLocation());
        // the query the workflow's decision step asks (CrossBorderTransfers.evaluatePolicy)
        PolicyQuery query = new PolicyQuery("dataembassy/transfer", "transfer:bench-direct", Map.of(
                "agreement", dataset.agreementId(), "dataset", dataset.policyDataset(),
                "transfer", Map.of("from_site", "home-ee", "to_site", SITE, "purpose", "replication", "recipient_state", "EE"),
                "requester", OWNER));
        long[] latencies = new long[count];
        long[][] steps = new long[3][count];
        long begin = System.nanoTime();
        SystemAccount.callAs(SystemAccount.WORKFLOW, () -> {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                if (!decisions.decide(query).allowed()) {
                    throw new IllegalStateException("the anchor's decision must be allow");
                }
                long decided = System.nanoTime();
                if (!replication.replicate(dataset.id(), source, List.of(SITE)).complete()) {
                    throw new IllegalStateException("direct replication incomplete");
                }
                long replicated = System.nanoTime();
                replication.scrub(dataset.id(), List.of(SITE));
                latencies[i] = System.nanoTime() - start;
                steps[0][i] = decided - start;
                steps[1][i] = replicated - decided;
                steps[2][i] = start + latencies[i] - replicated;
            }
            return null;
        });
        double seconds = (System.nanoTime() - begin) / 1e9;
        String[] names = {"decide", "replicate", "scrub"};
        StringBuilder split = new StringBuilder("Direct steps, p50 of each:");
        for (int s = 0; s < 3; s++) {
            split.append(String.format(Locale.ROOT, " %s %.1f ms;", names[s], Latencies.summarise(steps[s], seconds).p50() / 1e6));
        }
        stepSplit = split.toString();
        return Latencies.summarise(latencies, seconds);
    }

    private static List<String> bigDataset(OnboardingSlice slice, DatasetProvisioning activation, Completions completions,
                                           Path source) throws InterruptedException {
        long bytes = size(source);
        OnboardingRequest request = slice.submit(OWNER, OnboardingSlice.application("bench-big", Classification.INTERNAL, false));
        WorkTask keys = slice.awaitTask("sam", "SECURITY_OFFICER", request.id());
        CountDownLatch verified = new CountDownLatch(1);
        completions.onVerified(request.id(), verified::countDown);
        long start = System.nanoTime();
        As.run("sam", "SECURITY_OFFICER", () -> activation.decideKeys(keys.id(), true, source.toString(), List.of(SITE), ""));
        if (!verified.await(60, TimeUnit.MINUTES)) {
            throw new IllegalStateException("no verified replica within an hour");
        }
        long toVerified = System.nanoTime() - start;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (As.user(OWNER, "DATA_OWNER", () -> slice.onboarding().find(request.id())).status() != OnboardingStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("verified but not ACTIVE after 5 minutes");
            }
            Thread.sleep(20);
        }
        long toActive = System.nanoTime() - start;
        double mb = bytes / 1e6;
        return List.of(
                "| dataset | approval → first verified replica | approval → ACTIVE | MB/s (to verified) |",
                "|---|---|---|---|",
                String.format(Locale.ROOT, "| %.0f MB, %s, one embassy site | %.2f s | %.2f s | %.1f |", mb, source,
                        toVerified / 1e9, toActive / 1e9, mb / (toVerified / 1e9)));
    }

    private static long size(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(String what, Latencies.Summary s, int outstanding) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", what, s.calls(),
                outstanding, s.p50() / 1e6, s.p99() / 1e6, s.max() / 1e6, s.perSecond(), s.seconds());
    }

    private static ConfigurableApplicationContext start(Path dataDir, Path sources) {
        return new SpringApplicationBuilder(PortalApplication.class).run(
                "--dataembassy.data-dir=" + dataDir,
                "--dataembassy.datasets.source-roots=" + sources,
                // no scheduled transfers beside the measured ones
                "--dataembassy.transfers.schedule-check=PT10000H",
                "--server.port=0",
                "--vaadin.productionMode=true",
                "--logging.level.root=warn",
                "--logging.level.org.dataembassy=warn");
    }

    /** Completion of transfers (their final audited event) and of scrubs, as they are published. */
    private static final class Completions implements ApplicationListener<PayloadApplicationEvent<?>> {
        private final Map<String, CompletableFuture<String>> transfers = new ConcurrentHashMap<>();
        private final Map<String, Runnable> verified = new ConcurrentHashMap<>();

        /** Runs {@code action} with the final action name once the transfer ends (at once if it already has). */
        void onDone(String transferId, Consumer<String> action) {
            future(transferId).thenAccept(action);
        }

        void onVerified(String datasetId, Runnable action) {
            verified.put(datasetId, action);
        }

        private CompletableFuture<String> future(String transferId) {
            return transfers.computeIfAbsent(transferId, id -> new CompletableFuture<>());
        }

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> event) {
            if (event.getPayload() instanceof TransferEvent t && t.action().matches("TRANSFER_(COMPLETED|DENIED|REJECTED)")) {
                future(t.transferId()).complete(t.action());
            } else if (event.getPayload() instanceof DatasetVerified v && v.problems() == 0) {
                Runnable action = verified.remove(v.datasetId());
                if (action != null) {
                    action.run();
                }
            }
        }
    }
}
