package org.dataembassy.portal.replication;

/** What one site received in a replication run; {@code error} is null when it completed. */
public record SiteOutcome(String site, boolean complete, long objectsWritten, long bytesWritten, long objectsCaughtUp, String error) {
}
