package org.dataembassy.portal.soak;

/**
 * The portal's resources at one moment: from /proc (resident memory, threads, open file descriptors of the JVM and
 * the resident memory of its supervised OPA), the load average, and the actuator's metrics (Hikari pool, heap,
 * sessions, requests served, 5xx answers, error log events). A metric that could not be read is -1.
 */
record Sample(long atMillis, long rssKb, int threads, int fds, long opaRssKb, double load1,
              double hikariActive, double hikariIdle, double hikariPending, double hikariTotal, double hikariTimeouts,
              double heapUsedBytes, double heapCommittedBytes, double liveDataBytes, double nonHeapUsedBytes,
              double jvmThreads, double sessions,
              double requests, double serverErrors, double errorLogEvents) {
}
