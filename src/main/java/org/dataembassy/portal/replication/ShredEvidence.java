package org.dataembassy.portal.replication;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Evidence of crypto-shredding: each destroyed copy ({@code location object sha256 time}),
 * locations still pending (unreachable sites) and the evidence file written in the state folder.
 */
public record ShredEvidence(String datasetId, Instant time, List<String> destroyed, List<String> pending, Path file) {
    public boolean complete() {
        return pending.isEmpty();
    }
}
