package org.dataembassy.portal.replication;

import java.util.List;

/** Scrub result for every site of a dataset. */
public record ScrubReport(String datasetId, List<SiteScrub> sites) {
    public boolean clean() {
        return sites.stream().allMatch(SiteScrub::clean);
    }

    public SiteScrub site(String name) {
        return sites.stream().filter(s -> s.site().equals(name)).findFirst().orElseThrow();
    }
}
