package org.dataembassy.portal.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The soak's findings as JSON (target/soak/soak-report.json) and as the Markdown page docs/soak.md. */
final class SoakReport {

    private final SoakSettings settings;
    private final RunFacts facts;
    private final Recorder recorder;
    private final List<Sample> samples;
    private final List<Map<String, LatencyStats>> latency;
    private final List<ResourceRow> resources;
    private final LogScan.Findings log;
    private final FinalChecks.Result end;
    private final Verdict.Result verdict;
    private final int incidents;

    SoakReport(SoakSettings settings, RunFacts facts, Recorder recorder, List<Sample> samples, LogScan.Findings log,
               FinalChecks.Result end, Verdict.Result verdict, int incidents) {
        this.settings = settings;
        this.facts = facts;
        this.recorder = recorder;
        this.samples = samples;
        this.latency = Windows.latency(recorder.calls(), settings);
        this.resources = Windows.resources(samples, settings);
        this.log = log;
        this.end = end;
        this.verdict = verdict;
        this.incidents = incidents;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("verdict", Map.of("passed", verdict.passed(), "failures", verdict.failures()));
        json.put("startedAt", facts.startedAt().toString());
        json.put("settings", Map.of("minutes", settings.duration().toSeconds() / 60.0,
                "windowMinutes", settings.window().toMinutes(), "browsers", settings.browsers(),
                "apiThreads", settings.apiThreads(), "apiRatePerThread", settings.apiRatePerThread(),
                "publishEverySeconds", settings.publishEvery().toSeconds(), "javaOpts", settings.javaOpts()));
        json.put("machine", Map.of("cores", facts.cores(), "memoryGiB", facts.memoryGiB(), "java", facts.java(),
                "loadAverageStart", facts.loadStart(), "loadAverageEnd", facts.loadEnd()));
        json.put("portal", Map.of("baseUrl", facts.baseUrl(), "arguments", facts.portalArguments()));
        Map<String, Object> served = new LinkedHashMap<>();
        served.put("requestsServedByPortal", facts.requestsServed());
        served.put("callsBySoak", count(""));
        served.put("apiRequests", count("api:"));
        served.put("pages", count("page:"));
        served.put("logins", count("login"));
        served.put("actions", count("action:"));
        served.put("counters", recorder.counters());
        served.put("scheduledTransfersStarted", log.scheduledTransfers());
        served.put("periodicReviewsStarted", log.scheduledReviews());
        json.put("served", served);
        Map<String, Object> errors = new LinkedHashMap<>(recorder.errorsByKind());
        errors.put("serverErrorsCountedByPortal", facts.serverErrors());
        errors.put("errorLogEventsDuringRun", facts.errorLogEvents());
        errors.put("groups", recorder.failureGroups());
        errors.put("first", recorder.failures());
        json.put("errors", errors);
        json.put("windows", windowsJson());
        json.put("growth", Map.of("windows", verdict.growthWindows(), "measures", verdict.growth()));
        json.put("samples", samples);
        json.put("log", log);
        Map<String, Object> finals = new LinkedHashMap<>();
        finals.put("chain", end.chain());
        finals.put("chainIntact", end.chainIntact());
        finals.put("logins", end.logins());
        finals.put("poolDrained", end.poolDrained());
        finals.put("poolAfterWorkload", Map.of("active", end.quiet().hikariActive(), "idle", end.quiet().hikariIdle(),
                "pending", end.quiet().hikariPending(), "total", end.quiet().hikariTotal()));
        finals.put("openIncidentsOnStatusPage", incidents);
        json.put("end", finals);
        return json;
    }

    private List<Map<String, Object>> windowsJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int w = 0; w < latency.size(); w++) {
            Map<String, Object> window = new LinkedHashMap<>();
            window.put("window", w + 1);
            window.put("fromMinute", w * settings.window().toMinutes());
            window.put("latencyMillis", latency.get(w));
            int index = w;
            resources.stream().filter(r -> r.window() == index).findFirst().ifPresent(r -> window.put("resources", r));
            out.add(window);
        }
        return out;
    }

    private long count(String prefix) {
        return recorder.calls().stream().filter(c -> prefix.isEmpty() ? !c.name().startsWith("journey:")
                : c.name().startsWith(prefix)).count();
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        long minutes = settings.duration().toMinutes();
        md.append("# Soak\n\n");
        md.append(String.format("Written by `make soak` on %s, `SOAK_MINUTES=%d` (%d windows of %d min; the first is the "
                        + "warm-up), %d cores, %d GiB, %s, load average %s at the start and %s at the end (the cores are "
                        + "shared with other engineers' builds: compare windows, not machines).%n%n",
                facts.startedAt().toString().substring(0, 16) + "Z", minutes, settings.windows(), settings.window().toMinutes(),
                facts.cores(), facts.memoryGiB(), facts.java(), facts.loadStart(), facts.loadEnd()));
        md.append("**Verdict: ").append(verdict.passed() ? "PASSED" : "FAILED").append("**");
        md.append(verdict.passed() ? "." : " — " + String.join("; ", verdict.failures()) + ".").append("\n\n");
        md.append("The packaged jar on its embedded default (H2 file database, supervised OPA, folder sites, demo accounts) in a "
                + "fresh `target/soak/data`, on 127.0.0.1, `java ").append(settings.javaOpts()).append(" -jar …` with `")
                .append(String.join(" ", facts.portalArguments())).append("`. Workload, fixed concurrency: ")
                .append(settings.browsers()).append(" headless Chromium sessions walking the README journeys (")
                .append(String.join("; ", facts.journeys())).append("), ").append(settings.apiThreads())
                .append(" API clients asking for decisions at ").append(fmt(settings.apiRatePerThread()))
                .append("/s each (one request in five malformed: bad JSON, wrong types, wrong media type, unknown entry "
                        + "points and paths, an oversized value), a new agreement version published through the API every ")
                .append(settings.publishEvery().toSeconds()).append(" s, and the shortened schedules.\n\n");
        servedAndErrors(md);
        latencyTable(md);
        resourceTable(md);
        growthTable(md);
        endOfRun(md);
        failures(md);
        md.append("Reproduce: `make soak` (30 minutes) or `SOAK_MINUTES=5 make soak` (the quick check, 1-minute windows); "
                + "every figure and sample is in `target/soak/soak-report.json`, the portal's log in `target/soak/portal.log`, "
                + "screenshots of failed steps in `target/soak/screenshots/`. What the soak does and its bounds: "
                + "[operations.md](operations.md#soak).\n");
        return md.toString();
    }

    private void servedAndErrors(StringBuilder md) {
        Map<String, Long> errors = recorder.errorsByKind();
        md.append("## Served and errors\n\n| what | count |\n|---|---|\n");
        row(md, "requests served by the portal (its `http.server.requests`, workload and checks)", fmt(facts.requestsServed()));
        row(md, "API requests by the soak's clients (decisions, malformed, agreements; metrics reads excluded)", count("api:"));
        row(md, "browser logins / pages / actions", count("login") + " / " + count("page:") + " / " + count("action:"));
        recorder.counters().forEach((name, value) -> row(md, name, value));
        row(md, "transfers started by the replication schedule / periodic reviews started", log.scheduledTransfers()
                + " / " + log.scheduledReviews());
        row(md, "**5xx** seen by clients / counted by the portal", errors.get("SERVER_ERROR") + " / " + fmt(facts.serverErrors()));
        row(md, "**timeouts** (API, 30 s)", errors.get("TIMEOUT"));
        row(md, "**unexpected login failures**", errors.get("LOGIN_FAILURE"));
        row(md, "**browser step failures**", errors.get("STEP_FAILURE"));
        row(md, "unexpected 4xx / wrong decisions / fail-closed denies (engine unavailable) / broken connections",
                errors.get("UNEXPECTED_STATUS") + " / " + errors.get("WRONG_ANSWER") + " / " + errors.get("ENGINE_UNAVAILABLE")
                        + " / " + errors.get("IO_ERROR"));
        row(md, "**Hikari leak reports** (`leak detection triggered` in the log, threshold 10 s)", log.leakReports());
        row(md, "ERROR / WARN lines in the portal's log", log.errorLines() + " / " + log.warnLines());
        md.append('\n');
    }

    private void latencyTable(StringBuilder md) {
        if (latency.isEmpty()) {
            return;
        }
        Map<String, LatencyStats> first = latency.get(0);
        Map<String, LatencyStats> last = latency.get(latency.size() - 1);
        Map<String, LatencyStats> whole = Windows.whole(recorder.calls(), settings);
        TreeSet<String> names = new TreeSet<>(whole.keySet());
        md.append("## Latency, first and last window\n\n");
        md.append("Milliseconds, successful calls only (a failed call counts in the errors above). Pages: from opening the URL to "
                + "the page's main element; logins: from opening the login page to the navigation; actions: from the click to "
                + "the result shown (publications include OPA activating the bundle); journeys: sign-in to sign-out of every "
                + "role involved. Lists grow during the run (datasets, transfers, audit entries), so part of any change is data. A dash: "
                + "no such call in that window (a journey's steps fall in whichever window it reaches them).\n\n");
        md.append(String.format("| call | window 1: n | p50 | p99 | window %d: n | p50 | p99 | whole run: n | p50 | p99 |%n"
                + "|---|---|---|---|---|---|---|---|---|---|%n", latency.size()));
        for (String name : names) {
            md.append("| `").append(name).append("` | ").append(cells(first.get(name))).append(" | ")
                    .append(cells(last.get(name))).append(" | ").append(cells(whole.get(name))).append(" |\n");
        }
        md.append('\n');
    }

    private static String cells(LatencyStats s) {
        if (s == null) {
            return "– | – | –";
        }
        return s.n() + (s.errors() > 0 ? " (" + s.errors() + " failed)" : "") + " | " + ms(s.p50()) + " | " + ms(s.p99());
    }

    private void resourceTable(StringBuilder md) {
        md.append("## Resources over time\n\n");
        md.append("Per window: medians of the samples taken every ").append(settings.sampleEvery().toSeconds())
                .append(" s (the pool's active, pending and total connections: maxima). Resident memory, threads and file "
                        + "descriptors of the portal's JVM from `/proc/<pid>`; heap, live data after GC (the heap a leak would "
                        + "fill), non-heap (metaspace, code cache), pool and sessions from `/actuator/metrics`; OPA is the "
                        + "supervised child process. The portal runs with `").append(settings.javaOpts()).append("`: a heap "
                        + "committed and touched at start (same maximum as `make run`) makes resident memory measure what "
                        + "is not heap sizing.\n\n");
        md.append("| window | RSS MiB | heap used / committed MiB | live data MiB | non-heap MiB | threads | fds | Hikari active "
                + "(max) / idle / pending (max) / total (max) | sessions | OPA RSS MiB | load 1 min |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ResourceRow r : resources) {
            md.append(String.format("| %d | %s | %s / %s | %s | %s | %s | %s | %s / %s / %s / %s | %s | %s | %s |%n", r.window() + 1,
                    fmt(r.rssMiB()), fmt(r.heapMiB()), fmt(r.heapCommittedMiB()), fmt(r.liveDataMiB()), fmt(r.nonHeapMiB()),
                    fmt(r.threads()), fmt(r.fds()),
                    fmt(r.hikariActiveMax()), fmt(r.hikariIdle()), fmt(r.hikariPendingMax()), fmt(r.hikariTotalMax()),
                    fmt(r.sessions()), fmt(r.opaRssMiB()), String.format("%.2f", r.load1())));
        }
        md.append('\n');
    }

    private void growthTable(StringBuilder md) {
        md.append("## Flat?\n\n").append("Compared: ").append(verdict.growthWindows()).append(".\n\n");
        if (verdict.growth().isEmpty()) {
            return;
        }
        md.append("| measure | after warm-up | last window | growth | bound | |\n|---|---|---|---|---|---|\n");
        for (Verdict.Growth g : verdict.growth()) {
            md.append(String.format("| %s | %s | %s | %+.1f %% | +%.0f %% | %s |%n", g.measure(), fmt(g.afterWarmup()),
                    fmt(g.last()), g.growth() * 100, g.bound() * 100, g.ok() ? "ok" : "**exceeded**"));
        }
        md.append('\n');
    }

    private void endOfRun(StringBuilder md) {
        long okLogins = end.logins().values().stream().filter("ok"::equals).count();
        md.append("## End of the run\n\n");
        md.append("- Audit chain, verified by `aude` through *Verify the chain*: ").append(end.chain()).append('\n');
        md.append("- Final login of every demo user (login form, then the home page in that session): ").append(okLogins)
                .append(" of ").append(end.logins().size()).append(" signed in").append(end.loginsOk() ? "" : " — " + end.logins())
                .append('\n');
        md.append(String.format("- Pool after the workload: %s active, %s idle, %s waiting, %s in total (%s).%n",
                fmt(end.quiet().hikariActive()), fmt(end.quiet().hikariIdle()), fmt(end.quiet().hikariPending()),
                fmt(end.quiet().hikariTotal()), end.poolDrained() ? "every connection back" : "**not drained**"));
        md.append("- Open workflow incidents on System status (last view): ").append(incidents < 0 ? "not seen" : incidents).append('\n');
        if (!log.errors().isEmpty()) {
            md.append("- ERROR lines in the portal's log, by logger and message:\n");
            log.errors().forEach((message, n) -> md.append("  - ").append(n).append(" × `").append(message.replace("`", "'"))
                    .append("`\n"));
        }
        md.append('\n');
    }

    private void failures(StringBuilder md) {
        List<Recorder.FailureGroup> groups = recorder.failureGroups();
        if (groups.isEmpty()) {
            return;
        }
        md.append("## Errors in detail\n\nAlike errors (differing only in ids, numbers and times) grouped, in the order they "
                + "first happened").append(groups.size() > 25 ? "; the first 25 of " + groups.size() : "").append(".\n\n");
        md.append("| kind | where | count | minutes | first message |\n|---|---|---|---|---|\n");
        groups.stream().limit(25).forEach(g -> md.append(String.format("| %s | %s | %d | %.1f–%.1f | %s |%n", g.kind(),
                g.where().replace("|", "\\|"), g.count(), g.firstMinute(), g.lastMinute(),
                g.example().replace("|", "\\|"))));
        md.append('\n');
    }

    private static void row(StringBuilder md, String what, Object value) {
        md.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static String ms(long millis) {
        return millis < 0 ? "–" : Long.toString(millis);
    }

    static String fmt(double value) {
        if (value < 0) {
            return "n/a";
        }
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    }
}
