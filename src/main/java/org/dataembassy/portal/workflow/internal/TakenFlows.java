package org.dataembassy.portal.workflow.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which sequence flows an instance took, derived from its activity history, because Camunda 7 records activities
 * but not the flows between them (not even at history level "full").
 *
 * <p>Rule: a visit of activity B entered through a flow A→B whose source A finished (not cancelled) at or before B
 * started; when several incoming flows qualify, the one whose source finished last is the one taken (B was reached
 * from the most recent step), except at a joining gateway (parallel or inclusive), which waits for all of them.
 * An activity active now without a recorded visit (an asynchronous step whose job has not run yet) counts as
 * entered now. Pure: no engine, no clock.
 */
public final class TakenFlows {

    /** A sequence flow of the model. */
    public record Flow(String id, String source, String target) {
    }

    /** One visit of an activity; {@code end} null while active. */
    public record Visit(String activityId, Instant start, Instant end, boolean canceled) {
        boolean finishedBy(Instant time) {
            return end != null && !canceled && !end.isAfter(time);
        }
    }

    private TakenFlows() {
    }

    /**
     * The ids of the flows taken, in model order.
     *
     * @param flows   every sequence flow of the model
     * @param visits  the instance's activity history
     * @param current the activities active now (may include some without a visit yet)
     * @param joins   ids of joining gateways (parallel, inclusive)
     */
    public static List<String> derive(List<Flow> flows, Collection<Visit> visits, Collection<String> current,
                                      Set<String> joins) {
        List<Visit> entered = new ArrayList<>(visits);
        Set<String> visited = visits.stream().filter(v -> v.end() == null).map(Visit::activityId).collect(Collectors.toSet());
        current.stream().filter(id -> !visited.contains(id)).forEach(id -> entered.add(new Visit(id, Instant.MAX, null, false)));
        Map<String, List<Flow>> incoming = flows.stream().collect(Collectors.groupingBy(Flow::target));
        Set<String> taken = new LinkedHashSet<>();
        for (Visit target : entered) {
            List<Flow> candidates = incoming.getOrDefault(target.activityId(), List.of());
            Instant latest = null;
            List<Flow> chosen = new ArrayList<>();
            for (Flow flow : candidates) {
                Instant sourceEnd = lastFinish(visits, flow.source(), target.start());
                if (sourceEnd == null) {
                    continue;
                }
                if (joins.contains(target.activityId())) {
                    chosen.add(flow);
                } else if (latest == null || sourceEnd.isAfter(latest)) {
                    latest = sourceEnd;
                    chosen.clear();
                    chosen.add(flow);
                } else if (sourceEnd.equals(latest)) {
                    chosen.add(flow); // indistinguishable by time: both may have been taken
                }
            }
            chosen.forEach(flow -> taken.add(flow.id()));
        }
        return flows.stream().map(Flow::id).filter(taken::contains).toList();
    }

    private static Instant lastFinish(Collection<Visit> visits, String activityId, Instant by) {
        return visits.stream().filter(v -> v.activityId().equals(activityId) && v.finishedBy(by))
                .map(Visit::end).max(Instant::compareTo).orElse(null);
    }
}
