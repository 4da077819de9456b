package org.dataembassy.portal.replication;

import java.nio.file.Path;

/** Restore snapshot {@code snapshotId} (or a unique prefix, or "latest") of a dataset from one site into an empty {@code target}. */
public record RestoreRequest(String datasetId, String site, String snapshotId, Path target) {
}
