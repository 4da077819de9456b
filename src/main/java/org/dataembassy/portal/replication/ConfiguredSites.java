package org.dataembassy.portal.replication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dataembassy.portal.replication.internal.ObjectStoreSites;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shared.SiteId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The sites the portal replicates to: folders or S3-compatible object stores. Validated at start-up: a bad id, an
 * unknown country code, a duplicate id, a missing home site or an object store without endpoint or keys stops the
 * portal with a message naming the entry (never a key).
 */
@Service
public class ConfiguredSites {

    private final List<ConfiguredSite> sites;
    private final ObjectStoreSites objectStores;

    ConfiguredSites(SitesProperties properties) {
        this.sites = properties.sites().stream().map(ConfiguredSites::toSite).toList();
        this.objectStores = new ObjectStoreSites(properties);
        Set<SiteId> seen = new HashSet<>();
        for (ConfiguredSite site : sites) {
            if (!seen.add(site.id())) {
                throw new IllegalStateException("dataembassy.sites: site id '" + site.id() + "' appears twice");
            }
        }
        if (sites.stream().noneMatch(s -> s.role() == ConfiguredSite.Role.HOME)) {
            throw new IllegalStateException("dataembassy.sites: no site has role HOME");
        }
        for (ConfiguredSite site : sites) {
            if (!site.location().startsWith("s3://")) {
                try {
                    Files.createDirectories(Path.of(site.location()));
                } catch (IOException e) {
                    throw new IllegalStateException("dataembassy.sites: cannot create folder for site '" + site.id()
                            + "' at " + site.location(), e);
                }
            }
        }
    }

    /** The object-store sites' connections (for the replication engine of this module). */
    ObjectStoreSites objectStores() {
        return objectStores;
    }

    /** Every configured site. Any authenticated user (site ids and countries are shown on dataset pages). */
    @PreAuthorize("isAuthenticated()")
    public List<ConfiguredSite> all() {
        return sites;
    }

    /** Reachability of each site. ADMIN, AUDITOR and the system. */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'SYSTEM')")
    public List<SiteReachability> status() {
        return sites.stream().map(this::probe).toList();
    }

    private SiteReachability probe(ConfiguredSite site) {
        if (site.location().startsWith(ObjectStoreSites.SCHEME)) {
            try (var store = objectStores.open(site.id().value())) {
                store.list("keys/");
                return new SiteReachability(site, true, -1, "object store answers");
            } catch (RuntimeException e) {
                return new SiteReachability(site, false, -1, "object store does not answer: "
                        + e.getClass().getSimpleName());
            }
        }
        Path folder = Path.of(site.location());
        boolean ok = Files.isDirectory(folder) && Files.isWritable(folder);
        long free = -1;
        try {
            free = Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            ok = false;
        }
        return new SiteReachability(site, ok, free, ok ? "folder writable" : "folder missing or not writable");
    }

    private static ConfiguredSite toSite(SitesProperties.Entry entry) {
        String where = "dataembassy.sites entry '" + entry.id() + "': ";
        try {
            if (entry.location() == null || entry.location().isBlank()) {
                throw new IllegalArgumentException("location is missing");
            }
            return new ConfiguredSite(new SiteId(entry.id()), CountryCode.of(entry.country()),
                    ConfiguredSite.Role.valueOf(String.valueOf(entry.role()).toUpperCase(Locale.ROOT)),
                    entry.location());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + e.getMessage(), e);
        }
    }
}
