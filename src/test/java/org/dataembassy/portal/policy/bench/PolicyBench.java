package org.dataembassy.portal.policy.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dataembassy.portal.PortalApplication;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyEngine;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.policy.internal.OpaDecisionClient;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.dataembassy.portal.policy.internal.OpaProbe;
import org.dataembassy.portal.policy.internal.OpaSupervisor;
import org.dataembassy.portal.policy.internal.PolicyBundles;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decision latency through {@link PolicyDecisions#decide} in the running portal (H2 file database in a temp
 * folder, supervised OPA serving the given policy folder, decision records and the hash-chained audit trail
 * included), and the time from publish to active. Not a test: run by {@code scripts/bench-policy.sh}, which
 * passes the settings as system properties ({@code bench.*}) and reads the Markdown rows written to
 * {@code bench.out}.
 */
public final class PolicyBench {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(System.getProperty("bench.policy-dir")).toAbsolutePath();
        Duration run = Duration.ofSeconds(Long.getLong("bench.seconds", 10));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup-seconds", 10));
        int[] threads = Arrays.stream(System.getProperty("bench.threads", "1,2,4").split(",")).mapToInt(Integer::parseInt).toArray();
        int publishes = Integer.getInteger("bench.publishes", 5);
        Path out = Path.of(System.getProperty("bench.out", "target/policy-bench.md"));
        Path work = Files.createTempDirectory("policy-bench");

        List<String> rows = new ArrayList<>(List.of(
                "| what | threads | p50 ms | p99 ms | max ms | calls/s | engine unavailable | CPU ms/call (JVM + OPA) |",
                "|---|---|---|---|---|---|---|---|"));
        List<BenchQueries.Agreement> agreements = BenchQueries.agreements(folder);
        try (ConfigurableApplicationContext portal = start(work.resolve("default"), folder, "1s", "2s")) {
            PolicyDecisions decisions = portal.getBean(PolicyDecisions.class);
            OpaDecisionClient client = portal.getBean(OpaDecisionClient.class);
            int loaded = SystemAccount.callAs(SystemAccount.WORKFLOW, () -> portal.getBean(PolicyEngine.class).agreements().size());
            System.err.printf("portal up; OPA has %d agreements (folder has %d)%n", loaded, agreements.size());
            if (loaded != agreements.size()) {
                throw new IllegalStateException("OPA has " + loaded + " agreements, the folder " + agreements.size());
            }
            List<BenchQueries.Agreement> v1 = agreements.stream().filter(a -> a.schemaVersion() == 1).toList();
            List<BenchQueries.Agreement> v2 = agreements.stream().filter(a -> a.schemaVersion() == 2).toList();
            List<PolicyQuery> onboarding = BenchQueries.onboarding(v1);
            List<PolicyQuery> transfer = BenchQueries.transfer(v1);
            List<PolicyQuery> onboardingV2 = BenchQueries.onboarding(v2);
            List<PolicyQuery> transferV2 = BenchQueries.transfer(v2);
            JdbcClient jdbc = portal.getBean(JdbcClient.class);
            int events = recordHostStateEvents(jdbc, v2);
            System.err.printf("%d v1 and %d v2 agreements; %d host-state events recorded (every decision's facts)%n",
                    v1.size(), v2.size(), events);
            ClosedLoop.Call<PolicyQuery> decide = q -> !decisions.decide(q).engineUnavailable();
            ClosedLoop.Call<PolicyQuery> opaOnly = q -> client.query(q.entryPoint() + "/decision", q.input()) != null;

            System.err.println("warm-up " + warmup.toSeconds() + " s");
            ClosedLoop.run(onboarding, decide, 2, warmup.dividedBy(2));
            ClosedLoop.run(transfer, decide, 2, warmup.dividedBy(4));
            ClosedLoop.run(onboarding, opaOnly, 2, warmup.dividedBy(4));
            if (!v2.isEmpty()) {
                ClosedLoop.run(transferV2, decide, 2, warmup.dividedBy(4));
            }
            long recordsBefore = count(jdbc, "policy_decision");
            long auditBefore = count(jdbc, "audit_entry");
            long decided = 0;
            Map<String, List<PolicyQuery>> sets = Map.of("onboarding", onboarding, "transfer", transfer,
                    "onboarding v2", onboardingV2, "transfer v2", transferV2);
            // v1 and v2 rows of an entry point run back to back, so a table growing during the run (decision
            // records, the audit chain) weighs on both alike
            List<String[]> scenarios = new ArrayList<>();
            for (String entry : List.of("onboarding", "transfer")) {
                scenarios.add(new String[] {entry, "decide"});
                if (!v2.isEmpty()) {
                    scenarios.add(new String[] {entry + " v2", "decide"});
                }
            }
            scenarios.add(new String[] {"onboarding", "opa"});
            for (String[] scenario : scenarios) {
                for (int n : threads) {
                    boolean viaDecide = scenario[1].equals("decide");
                    long cpuBefore = cpuNanos(portal);
                    ClosedLoop.Result r = ClosedLoop.run(sets.get(scenario[0]), viaDecide ? decide : opaOnly, n, run);
                    decided += viaDecide ? r.latency().calls() : 0;
                    String what = viaDecide ? "`PolicyDecisions.decide` " + scenario[0]
                            : "`OpaDecisionClient.query` only (HTTP + JSON, no record/audit) " + scenario[0];
                    rows.add(row(what, n, r, (cpuNanos(portal) - cpuBefore) / 1e6 / Math.max(1, r.latency().calls())));
                    System.err.println(rows.get(rows.size() - 1));
                }
            }
            long recorded = count(jdbc, "policy_decision") - recordsBefore;
            long audited = count(jdbc, "audit_entry") - auditBefore;
            rows.add("");
            rows.add(String.format(Locale.ROOT, "Every measured call was recorded and audited: %d decide() calls, %d new"
                    + " `policy_decision` rows, %d new audit entries.", decided, recorded, audited));
            rows.add("");
            rows.add("| publish → active | publishes | median | max | each (ms) | median sign + serve |");
            rows.add("|---|---|---|---|---|---|");
            rows.add(publish(portal, folder, publishes, "long polling, fallback polling 1–2 s (default)"));
        }
        try (ConfigurableApplicationContext portal = start(work.resolve("tuned"), folder, "1s", "1s")) {
            rows.add(publish(portal, folder, publishes, "long polling, fallback polling 1 s"));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, String.join("\n", rows) + "\n");
        System.err.println("wrote " + out);
        System.exit(0); // non-daemon threads of the closed contexts must not keep the JVM alive
    }

    /**
     * Host-state events in force, one per v2 agreement's host state (martial law, a state of emergency, a change of
     * government in turn): every decision's input then carries them as {@code facts.events}, read from the database
     * as in production, and the rules of the agreements whose clauses name them answer with their reasons.
     */
    private static int recordHostStateEvents(JdbcClient jdbc, List<BenchQueries.Agreement> v2) {
        String[] kinds = {"martial_law", "state_of_emergency", "change_of_government"};
        int i = 0;
        for (BenchQueries.Agreement a : v2) {
            jdbc.sql("insert into host_state_event (id, kind, state, start_day, sites, reference, source, recorded_by,"
                            + " recorded_at) values (?, ?, ?, ?, '', 'bench', 'bench', 'bench', current_timestamp)")
                    .params(UUID.randomUUID().toString(), kinds[i % kinds.length], a.host(),
                            Date.valueOf("2026-02-20")).update();
            i++;
        }
        return i;
    }

    private static ConfigurableApplicationContext start(Path dataDir, Path folder, String pollMin, String pollMax) {
        return new SpringApplicationBuilder(PortalApplication.class).run(
                "--dataembassy.data-dir=" + dataDir,
                "--dataembassy.policy.bundle-dir=" + folder,
                "--dataembassy.policy.bundle-polling-min=" + pollMin,
                "--dataembassy.policy.bundle-polling-max=" + pollMax,
                "--server.port=0",
                // the production frontend bundle (built by vaadin-maven-plugin into target/classes): no dev
                // server and npm competing with the measurement for the two cores
                "--vaadin.productionMode=true",
                "--logging.level.root=warn",
                "--logging.level.org.dataembassy=warn");
    }

    private static String publish(ConfigurableApplicationContext portal, Path folder, int times, String label) {
        PublishToActive.Result r = PublishToActive.measure(portal.getBean(PolicyBundles.class),
                portal.getBean(OpaEndpoint.class), portal.getBean(OpaProbe.class), folder, times,
                label.startsWith("default") ? "default" : "tuned");
        String line = String.format(Locale.ROOT, "| %s | %d | %d ms | %d ms | %s | %d ms |",
                label, times, r.median(), r.max(), r.millis(), r.signMillisMedian());
        System.err.println(line);
        return line;
    }

    private static String row(String what, int threads, ClosedLoop.Result r, double cpuMillisPerCall) {
        Latencies.Summary s = r.latency();
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.0f | %d | %.2f |", what, threads,
                s.p50() / 1e6, s.p99() / 1e6, s.max() / 1e6, s.perSecond(), r.unanswered(), cpuMillisPerCall);
    }

    /**
     * CPU time used so far by this JVM (the whole portal: callers, H2, background threads, GC, JIT) and by the
     * supervised OPA process. Less sensitive to other tenants of the machine than wall time.
     */
    private static long cpuNanos(ConfigurableApplicationContext portal) {
        long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long opa = portal.getBean(OpaEndpoint.class) instanceof OpaSupervisor supervisor
                ? ProcessHandle.of(supervisor.pid()).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L)
                : 0L;
        return jvm + opa;
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
