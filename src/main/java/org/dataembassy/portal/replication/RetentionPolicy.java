package org.dataembassy.portal.replication;

import java.time.Duration;

/**
 * Which snapshots to keep: the newest {@code keepLast} (0 = none by count) plus those created
 * within {@code keepWithin} (null = none by age). A snapshot kept by either rule is kept. The
 * newest snapshot is always kept.
 */
public record RetentionPolicy(int keepLast, Duration keepWithin) {
}
