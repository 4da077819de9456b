package org.dataembassy.portal.replication;

import java.time.Instant;

/** A verified snapshot at a site. */
public record SnapshotInfo(String id, Instant created, String label, String stateId, int entries, long bytes) {
}
