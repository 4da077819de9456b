package org.dataembassy.portal.replication;

import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.SiteId;

/**
 * A replication site as configured under {@code dataembassy.sites}.
 *
 * @param id       site id
 * @param country  state whose territory hosts the site
 * @param role     HOME (the originating state's own site) or EMBASSY (abroad, under an agreement)
 * @param location folder path (local sites) or {@code s3://bucket/prefix} (object stores)
 */
public record ConfiguredSite(SiteId id, CountryCode country, Role role, String location) {

    public enum Role {
        HOME,
        EMBASSY
    }
}
