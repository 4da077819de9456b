package org.dataembassy.portal.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak's judgement without a portal: what its log scan counts, what fails the verdict, its percentiles. */
class SoakJudgementTests {

    private static final List<String> JOURNEYS = List.of("onboarding and transfers");

    @TempDir
    Path dir;

    /** Hikari's report as the build before the leak fix wrote it during a quick check. */
    @Test
    void aHikariLeakReportIsCountedWithItsStack() throws Exception {
        Path log = dir.resolve("portal.log");
        Files.writeString(log, """
                2026-12-03T12:07:19.696Z  WARN 8536 --- [data-embassy-portal] [l-1:housekeeper] com.zaxxer.hikari.pool.ProxyLeakTask     : Connection leak detection triggered for conn2: url=jdbc:h2:file:/tmp/data/db/portal user=SA, stack trace follows
                java.lang.Exception: Apparent connection leak detected
                	at org.dataembassy.portal.activation.internal.CeremonyStore.latest(CeremonyStore.java:44) ~[!/:0.1.0-SNAPSHOT]
                2026-12-03T12:07:20.100Z  INFO 8536 --- [data-embassy-portal] [   scheduling-1] o.d.p.t.internal.ReplicationSchedule     : replication schedule started 3 transfer(s)
                2026-12-03T12:07:21.100Z ERROR 8536 --- [data-embassy-portal] [io-8080-exec-2] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception 42
                2026-12-03T12:07:22.100Z ERROR 8536 --- [data-embassy-portal] [io-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() threw exception 43
                """);
        LogScan.Findings findings = LogScan.scan(log);
        assertThat(findings.leakReports()).isEqualTo(1);
        assertThat(findings.leakExcerpts().get(0)).contains("CeremonyStore.latest");
        assertThat(findings.scheduledTransfers()).isEqualTo(3);
        assertThat(findings.errorLines()).isEqualTo(2);
        assertThat(findings.errors()).hasSize(1); // alike messages grouped
        assertThat(judge(new Recorder(), flat(), findings, drained()).failures()).anyMatch(f -> f.contains("leak report"));
    }

    @Test
    void aFlatRunWithEveryJourneyCompletedPasses() {
        Verdict.Result result = judge(completed(), flat(), noFindings(), drained());
        assertThat(result.failures()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.growthWindows()).startsWith("window 2");
    }

    @Test
    void growthBeyondTheBoundsFails() {
        List<ResourceRow> rows = List.of(row(0, 600, 60, 40), row(1, 700, 60, 40), row(2, 700, 80, 40), row(3, 900, 75, 47)); // fds +17.5 %: within
        Verdict.Result result = judge(completed(), rows, noFindings(), drained());
        assertThat(result.failures()).anyMatch(f -> f.startsWith("threads (/proc) grew 25 %"))
                .anyMatch(f -> f.startsWith("resident memory (MiB) grew 29 %"))
                .noneMatch(f -> f.startsWith("open file descriptors"));
    }

    @Test
    void aFiveHundredAFailedLoginABrokenChainAHeldConnectionOrNothingDoneFail() {
        Recorder recorder = completed();
        recorder.failure(Recorder.Kind.LOGIN_FAILURE, "login lola", "still on /login?error");
        Sample held = new Sample(0, 1, 1, 1, 1, 1, 3, 7, 1, 10, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0);
        FinalChecks.Result end = new FinalChecks.Result(false, held, Map.of("dora", "ok"), "BROKEN: entry 7");
        Verdict.Result result = Verdict.judge(recorder, flat(), noFindings(), end, 2, JOURNEYS);
        assertThat(result.failures()).anyMatch(f -> f.startsWith("5xx answers: 0 seen by the soak's clients, 2 counted"))
                .anyMatch(f -> f.startsWith("1 failed login")).anyMatch(f -> f.contains("not intact: BROKEN"))
                .anyMatch(f -> f.startsWith("the pool kept 3.0 active"));
        assertThat(judge(new Recorder(), flat(), noFindings(), drained()).failures())
                .contains("the journey 'onboarding and transfers' never completed",
                        "no real emergency activation was walked to its stand-down");
    }

    @Test
    void percentilesAreNearestRankOfTheSuccessfulCalls() {
        List<Recorder.Call> calls = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            calls.add(new Recorder.Call("api:decision", i, i, Recorder.Kind.OK));
        }
        calls.add(new Recorder.Call("api:decision", 0, 99_999, Recorder.Kind.TIMEOUT));
        LatencyStats stats = LatencyStats.of(calls);
        assertThat(stats).isEqualTo(new LatencyStats(101, 1, 50, 99, 100));
    }

    private static Verdict.Result judge(Recorder recorder, List<ResourceRow> rows, LogScan.Findings log, FinalChecks.Result end) {
        return Verdict.judge(recorder, rows, log, end, 0, JOURNEYS);
    }

    private static Recorder completed() {
        Recorder recorder = new Recorder();
        recorder.count("journey completed: onboarding and transfers");
        recorder.count("real emergency activations stood down");
        return recorder;
    }

    private static List<ResourceRow> flat() {
        return List.of(row(0, 600, 60, 40), row(1, 700, 62, 40), row(2, 710, 62, 41), row(3, 720, 63, 41));
    }

    private static ResourceRow row(int window, double rss, double threads, double fds) {
        return new ResourceRow(window, 6, rss, 200, 1024, 100, 180, threads, threads - 5, fds, 2, 8, 0, 10, 0, 11, 48, 1);
    }

    private static FinalChecks.Result drained() {
        Sample quiet = new Sample(0, 1, 1, 1, 1, 1, 0, 10, 0, 10, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0);
        return new FinalChecks.Result(true, quiet, Map.of("dora", "ok"), "Intact: 10 entries checked");
    }

    private static LogScan.Findings noFindings() {
        return new LogScan.Findings(0, 0, 0, 0, Map.of(), Map.of(), 0, 0, List.of(), List.of());
    }
}
