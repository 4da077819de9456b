package org.dataembassy.portal.replication.format;

import java.util.List;

/** Plaintext content of a snapshot. */
public record Manifest(String datasetId, long createdMillis, String stateId, String label, List<ManifestEntry> entries) {
}
