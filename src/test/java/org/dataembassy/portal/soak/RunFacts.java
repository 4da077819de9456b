package org.dataembassy.portal.soak;

import java.time.Instant;
import java.util.List;

/** Facts of the run beside the measurements: when, where, on what machine, with which portal arguments. */
record RunFacts(Instant startedAt, String loadStart, String loadEnd, int cores, long memoryGiB, String java,
                String baseUrl, List<String> portalArguments, List<String> journeys, Sample first, Sample last) {

    /** Requests the portal served during the workload, by its own count (http.server.requests). */
    double requestsServed() {
        return first == null || last == null ? -1 : last.requests() - first.requests();
    }

    /** 5xx answers the portal counted during the workload and the checks after it. */
    double serverErrors() {
        return first == null || last == null ? -1 : last.serverErrors() - first.serverErrors();
    }

    double errorLogEvents() {
        return first == null || last == null ? -1 : last.errorLogEvents() - first.errorLogEvents();
    }
}
