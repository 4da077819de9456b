package org.dataembassy.portal.replication;

import java.util.List;

/**
 * Result of a replication run. The snapshot exists at every site whose outcome is complete;
 * {@code warnings} lists skipped special files and similar.
 */
public record ReplicateResult(String snapshotId, long files, long bytesScanned, long newChunks, long newChunkBytes,
                              List<String> warnings, List<SiteOutcome> sites) {
    public boolean complete() {
        return sites.stream().allMatch(SiteOutcome::complete);
    }
}
