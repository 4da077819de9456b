package org.dataembassy.portal.replication;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The sites under {@code dataembassy.sites}: id, country (ISO 3166-1 alpha-2), role, location. */
@ConfigurationProperties("dataembassy")
public record SitesProperties(List<Entry> sites) {

    public record Entry(String id, String country, String role, String location) {
    }

    public SitesProperties {
        sites = sites == null ? List.of() : List.copyOf(sites);
    }
}
