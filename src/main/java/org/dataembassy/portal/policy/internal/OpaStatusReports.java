package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.policy.OpaInstance;

/**
 * The last status report of every OPA that pulls the portal's bundle, by OPA instance id. Kept in memory:
 * OPAs report again after every bundle download, so a restarted portal knows them again within one polling
 * interval. At most {@value #MAX_INSTANCES} are kept (the oldest report goes first).
 */
public final class OpaStatusReports {

    static final int MAX_INSTANCES = 64;

    private final Map<String, OpaInstance> byId = new LinkedHashMap<>();
    private final PolicyBundles bundles;
    private final Clock clock;

    OpaStatusReports(PolicyBundles bundles, Clock clock) {
        this.bundles = bundles;
        this.clock = clock;
    }

    /** Records one report of OPA's status plugin; returns false when it is not a status report. */
    synchronized boolean record(JsonNode report) {
        JsonNode labels = report.path("labels");
        String id = labels.path("id").asText("");
        if (id.isEmpty() || id.length() > 100) {
            return false;
        }
        JsonNode bundle = report.path("bundles").path(PolicyBundles.NAME);
        String problem = "";
        if (bundle.hasNonNull("code") || bundle.path("errors").size() > 0) {
            problem = (bundle.path("code").asText("") + " " + bundle.path("message").asText("")).strip();
        }
        OpaInstance instance = new OpaInstance(id, clip(labels.path("role").asText("external")),
                clip(labels.path("version").asText("unknown")), clip(bundle.path("active_revision").asText("")), "",
                clip(problem), clock.instant(), instant(bundle.path("last_successful_activation").asText("")));
        byId.remove(id);
        byId.put(id, instance);
        while (byId.size() > MAX_INSTANCES) {
            byId.remove(byId.keySet().iterator().next());
        }
        return true;
    }

    /** Every reporting OPA, the most recent report first, with the revision the portal serves now. */
    public synchronized List<OpaInstance> instances() {
        String served = bundles.current().revision();
        return byId.values().stream()
                .map(i -> new OpaInstance(i.id(), i.role(), i.version(), i.activeRevision(), served, i.problem(),
                        i.reportedAt(), i.lastActivation()))
                .sorted(Comparator.comparing(OpaInstance::reportedAt).reversed())
                .toList();
    }

    /** Reports older than this are from OPAs that stopped (or restarted under a new id). */
    public synchronized void forgetBefore(Instant cutoff) {
        byId.values().removeIf(i -> i.reportedAt().isBefore(cutoff));
    }

    /** An RFC 3339 instant as OPA writes it, or null when absent or unreadable (OPA writes its zero time then). */
    private static Instant instant(String text) {
        try {
            Instant at = text.isEmpty() ? null : Instant.parse(text);
            return at == null || at.getEpochSecond() <= 0 ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
