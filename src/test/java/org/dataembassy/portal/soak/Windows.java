package org.dataembassy.portal.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Splits the run into its windows: calls by the time they started, samples by the time they were taken. */
final class Windows {

    private Windows() {
    }

    static int index(long atMillis, SoakSettings settings) {
        return (int) (atMillis / settings.window().toMillis());
    }

    /** Per window, each call name's latency (calls after the deadline — journeys walked to their end — excluded). */
    static List<Map<String, LatencyStats>> latency(List<Recorder.Call> calls, SoakSettings settings) {
        List<Map<String, LatencyStats>> windows = new ArrayList<>();
        for (int w = 0; w < settings.windows(); w++) {
            int window = w;
            Map<String, List<Recorder.Call>> byName = calls.stream()
                    .filter(c -> c.atMillis() < settings.duration().toMillis() && index(c.atMillis(), settings) == window)
                    .filter(c -> !c.name().startsWith("sample:"))
                    .collect(Collectors.groupingBy(Recorder.Call::name, TreeMap::new, Collectors.toList()));
            Map<String, LatencyStats> stats = new TreeMap<>();
            byName.forEach((name, list) -> stats.put(name, LatencyStats.of(list)));
            windows.add(stats);
        }
        return windows;
    }

    /** Each call name's latency over the whole workload (calls after the deadline excluded, as in the windows). */
    static Map<String, LatencyStats> whole(List<Recorder.Call> calls, SoakSettings settings) {
        Map<String, LatencyStats> stats = new TreeMap<>();
        calls.stream().filter(c -> c.atMillis() < settings.duration().toMillis() && !c.name().startsWith("sample:"))
                .collect(Collectors.groupingBy(Recorder.Call::name, TreeMap::new, Collectors.toList()))
                .forEach((name, list) -> stats.put(name, LatencyStats.of(list)));
        return stats;
    }

    static List<ResourceRow> resources(List<Sample> samples, SoakSettings settings) {
        List<ResourceRow> rows = new ArrayList<>();
        for (int w = 0; w < settings.windows(); w++) {
            int window = w;
            List<Sample> in = samples.stream().filter(s -> s.atMillis() >= 0 && s.atMillis() < settings.duration().toMillis()
                    && index(s.atMillis(), settings) == window).toList();
            if (!in.isEmpty()) {
                rows.add(ResourceRow.of(window, in));
            }
        }
        return rows;
    }
}
