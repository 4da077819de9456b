package org.dataembassy.portal.replication;

import java.time.Duration;
import java.time.Instant;

/**
 * Replication status of one site: last verified snapshot (by a successful replicate or scrub
 * recorded in the state folder), recovery-point age (now minus the creation time of that
 * snapshot), stored bytes, snapshot count, and lag: how many snapshots known at other sites are
 * missing here. {@code error} is set when the site is unreachable.
 */
public record SiteStatus(String site, boolean reachable, String lastVerifiedSnapshot, Instant lastVerifiedCreated,
                         Duration recoveryPointAge, long storedBytes, int snapshots, int snapshotsBehind, String error) {
}
