package org.dataembassy.portal.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether the portal stayed flat. Fails on any leak report, any 5xx (seen by a client or counted by the portal),
 * any failed login, an audit chain not intact, threads or open file descriptors grown more than 20 % or resident
 * memory more than 25 % from the first window after the warm-up to the last, a pool that does not give its
 * connections back after the workload, an API request without an answer within 30 s, or a journey that never
 * completed (a portal that stops serving must not pass by doing nothing). Browser step failures are reported, not
 * judged: a step can time out on a loaded machine without the portal being at fault.
 */
final class Verdict {

    static final double THREADS_BOUND = 0.20;
    static final double FDS_BOUND = 0.20;
    static final double RSS_BOUND = 0.25;

    record Growth(String measure, double afterWarmup, double last, double growth, double bound, boolean ok) {
    }

    record Result(boolean passed, List<String> failures, List<Growth> growth, String growthWindows) {
    }

    private Verdict() {
    }

    static Result judge(Recorder recorder, List<ResourceRow> resources, LogScan.Findings log, FinalChecks.Result end,
                        double serverErrors, List<String> journeys) {
        List<String> failures = new ArrayList<>();
        if (log.leakReports() > 0) {
            failures.add(log.leakReports() + " Hikari leak report(s) in the portal's log");
        }
        long clientServerErrors = recorder.errors(Recorder.Kind.SERVER_ERROR);
        if (clientServerErrors > 0 || serverErrors > 0) {
            failures.add("5xx answers: " + clientServerErrors + " seen by the soak's clients, " + (long) serverErrors
                    + " counted by the portal (http.server.requests, outcome SERVER_ERROR)");
        }
        if (recorder.errors(Recorder.Kind.LOGIN_FAILURE) > 0) {
            failures.add(recorder.errors(Recorder.Kind.LOGIN_FAILURE) + " failed login(s)");
        }
        if (!end.chainIntact()) {
            failures.add("the audit chain is not intact: " + end.chain());
        }
        if (!end.poolDrained()) {
            failures.add("the pool kept " + end.quiet().hikariActive() + " active connection(s) and "
                    + end.quiet().hikariPending() + " waiting thread(s) 60 s after the workload");
        }
        if (recorder.errors(Recorder.Kind.TIMEOUT) > 0) {
            failures.add(recorder.errors(Recorder.Kind.TIMEOUT) + " API request(s) without an answer within " + ApiClient.TIMEOUT);
        }
        Map<String, Long> counters = recorder.counters();
        for (String journey : journeys) {
            if (counters.getOrDefault("journey completed: " + journey, 0L) == 0) {
                failures.add("the journey '" + journey + "' never completed");
            }
        }
        if (counters.getOrDefault("real emergency activations stood down", 0L) == 0) {
            failures.add("no real emergency activation was walked to its stand-down");
        }
        List<Growth> growth = new ArrayList<>();
        String windows = "fewer than two windows: growth not judged";
        if (resources.size() >= 2) {
            ResourceRow base = resources.get(resources.size() >= 3 ? 1 : 0);
            ResourceRow last = resources.get(resources.size() - 1);
            windows = "window " + (base.window() + 1) + " (first after the warm-up) → window " + (last.window() + 1);
            growth.add(growth("threads (/proc)", base.threads(), last.threads(), THREADS_BOUND));
            growth.add(growth("open file descriptors", base.fds(), last.fds(), FDS_BOUND));
            growth.add(growth("resident memory (MiB)", base.rssMiB(), last.rssMiB(), RSS_BOUND));
            for (Growth g : growth) {
                if (!g.ok()) {
                    failures.add(String.format("%s grew %.0f %% (%.0f → %.0f), bound %.0f %%", g.measure(),
                            g.growth() * 100, g.afterWarmup(), g.last(), g.bound() * 100));
                }
            }
        }
        return new Result(failures.isEmpty(), failures, growth, windows);
    }

    private static Growth growth(String measure, double base, double last, double bound) {
        double g = base > 0 ? last / base - 1 : 0;
        return new Growth(measure, base, last, g, bound, base > 0 && last > 0 && g <= bound);
    }
}
