package org.dataembassy.portal.replication;

/**
 * Reachability of a configured site, as the status page shows it.
 *
 * @param reachable the location exists and can be written
 * @param freeBytes free space at a folder site, -1 when unknown
 */
public record SiteReachability(ConfiguredSite site, boolean reachable, long freeBytes, String detail) {
}
