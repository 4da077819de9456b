/**
 * Encrypted, deduplicating replication of a state's datasets to its home and embassy sites.
 *
 * <p>Engine API (no Spring): {@link org.dataembassy.portal.replication.ReplicationEngine} (implemented by
 * {@code engine.LocalReplicationEngine}), its request/result records, {@link
 * org.dataembassy.portal.replication.ProgressListener}, and the typed {@link
 * org.dataembassy.portal.replication.ReplicationException} hierarchy. Sites are plugged in through
 * {@code site.SiteStore}; keys are given as {@code keys.Kek} (or unsealed from Shamir shares with
 * {@code keys.KekSharing}). The on-site format is specified in {@code docs/replication-format.md}; the
 * command line lives in {@code cli}.
 *
 * <p>Portal glue (Spring): {@link org.dataembassy.portal.replication.ConfiguredSites} reads and validates
 * {@code dataembassy.sites} and reports their reachability.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared"
})
package org.dataembassy.portal.replication;
