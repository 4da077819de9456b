package org.dataembassy.portal.replication;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Snapshot {@code source} into dataset {@code datasetId} and send it to every configured site.
 * {@code pacing} (may be zero) is a pause after each pack upload per site, to limit bandwidth.
 * Unless {@code rereadAll}, a file whose path, size and modification time equal those in the
 * newest snapshot (and whose chunks are all stored) is not read again.
 */
public record ReplicateRequest(String datasetId, Path source, String label, Duration pacing, boolean rereadAll) {
    public ReplicateRequest(String datasetId, Path source, String label) {
        this(datasetId, source, label, Duration.ZERO, false);
    }

    public ReplicateRequest(String datasetId, Path source, String label, Duration pacing) {
        this(datasetId, source, label, pacing, false);
    }
}
