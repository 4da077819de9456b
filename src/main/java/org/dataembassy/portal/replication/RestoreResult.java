package org.dataembassy.portal.replication;

/** Restored snapshot id, entries and bytes written. Every file's SHA-256 was verified. */
public record RestoreResult(String snapshotId, long entries, long bytes) {
}
