package org.dataembassy.portal.activation;

import java.time.Instant;

/**
 * A dataset an activation serves.
 *
 * @param snapshotId  the verified snapshot restored; null until restored (always null in a rehearsal)
 * @param servingPath the read-only folder it is served from; null until restored and after deactivation
 */
public record ActivatedDataset(String datasetId, String datasetName, String snapshotId, String servingPath,
                               Instant restoredAt) {
}
