package org.dataembassy.portal.soak;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** Every call the soak makes, with its outcome, and every failure with where it happened; thread-safe. */
public final class Recorder {

    /** How a call ended. Everything but OK is an error of that kind. */
    enum Kind {
        OK, SERVER_ERROR, TIMEOUT, IO_ERROR, LOGIN_FAILURE, STEP_FAILURE, UNEXPECTED_STATUS, WRONG_ANSWER,
        ENGINE_UNAVAILABLE
    }

    /** One call: a page, an action, an API request; times in milliseconds since the workload started. */
    record Call(String name, long atMillis, long millis, Kind kind) {
    }

    record Failure(Kind kind, String where, String message, long atMillis) {
    }

    /** Failures that differ only in ids, numbers and times: how often, first and last minute, the first message. */
    record FailureGroup(Kind kind, String where, String example, long count, double firstMinute, double lastMinute) {
    }

    private static final int DETAILED_FAILURES = 200;

    private final long startNanos = System.nanoTime();

    public Recorder() {
    }
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Map<Kind, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, FailureGroup> groups = new ConcurrentHashMap<>();

    long nowMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Records a call that started at {@code startMillis} (from {@link #nowMillis()}) and ended now. */
    void call(String name, long startMillis, Kind kind) {
        calls.add(new Call(name, startMillis, nowMillis() - startMillis, kind));
    }

    void failure(Kind kind, String where, String message) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        long now = nowMillis();
        if (failures.size() < DETAILED_FAILURES) {
            failures.add(new Failure(kind, where, first, now));
        }
        groups.merge(kind + " " + stable(where) + " " + stable(first),
                new FailureGroup(kind, where, first, 1, now / 60000.0, now / 60000.0),
                (a, b) -> new FailureGroup(a.kind(), a.where(), a.example(), a.count() + 1, a.firstMinute(), b.lastMinute()));
        System.err.printf("[soak] %6.1f min %s at %s: %s%n", nowMillis() / 60000.0, kind, where,
                message == null ? "" : message.lines().findFirst().orElse(""));
    }

    void count(String counter) {
        counters.computeIfAbsent(counter, k -> new LongAdder()).increment();
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Failures grouped, in the order they first happened. */
    List<FailureGroup> failureGroups() {
        return groups.values().stream().sorted(Comparator.comparingDouble(FailureGroup::firstMinute)).toList();
    }

    private static String stable(String text) {
        String s = text.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("@[0-9a-f]+", "@").replaceAll("\\d+", "N");
        return s.length() > 120 ? s.substring(0, 120) : s;
    }

    Map<String, Long> errorsByKind() {
        Map<String, Long> out = new TreeMap<>();
        for (Kind kind : Kind.values()) {
            if (kind != Kind.OK) {
                out.put(kind.name(), errors.getOrDefault(kind, new LongAdder()).sum());
            }
        }
        return out;
    }

    long errors(Kind kind) {
        return errors.getOrDefault(kind, new LongAdder()).sum();
    }

    Map<String, Long> counters() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
