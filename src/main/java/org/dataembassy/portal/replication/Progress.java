package org.dataembassy.portal.replication;

import java.time.Duration;

/** A progress report: phase name, bytes done / total, average rate and estimated time left (null if unknown). */
public record Progress(String phase, long bytesDone, long bytesTotal, double bytesPerSecond, Duration eta) {
}
