package org.dataembassy.portal.replication.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dataembassy.portal.replication.SitesProperties;
import org.dataembassy.portal.replication.site.S3SiteConfig;
import org.dataembassy.portal.replication.site.S3SiteStore;

/**
 * The S3-compatible sites of {@code dataembassy.sites}: their connection settings, checked at start-up with
 * messages that never repeat a key, and the stores the engine writes to.
 */
public final class ObjectStoreSites {

    public static final String SCHEME = "s3://";

    private final Map<String, S3SiteConfig> configs;
    private final Map<String, Boolean> createBucket;
    private final Set<String> bucketsChecked = ConcurrentHashMap.newKeySet();

    public ObjectStoreSites(SitesProperties properties) {
        Map<String, S3SiteConfig> found = new LinkedHashMap<>();
        Map<String, Boolean> create = new LinkedHashMap<>();
        for (SitesProperties.Entry entry : properties.sites()) {
            if (entry.location() != null && entry.location().startsWith(SCHEME)) {
                found.put(entry.id(), config(entry));
                create.put(entry.id(), entry.s3() != null && Boolean.TRUE.equals(entry.s3().createBucket()));
            }
        }
        this.configs = Map.copyOf(found);
        this.createBucket = Map.copyOf(create);
    }

    public Optional<S3SiteConfig> config(String siteId) {
        return Optional.ofNullable(configs.get(siteId));
    }

    /** A store for the site (the caller closes it); creates the bucket once if the site asks for it. */
    public S3SiteStore open(String siteId) {
        S3SiteConfig config = configs.get(siteId);
        if (config == null) {
            throw new IllegalStateException("site '" + siteId + "' is not an object-store site");
        }
        S3SiteStore store = new S3SiteStore(siteId, config);
        if (createBucket.get(siteId) && !bucketsChecked.contains(siteId)) {
            store.ensureBucket();
            bucketsChecked.add(siteId);
        }
        return store;
    }

    private static S3SiteConfig config(SitesProperties.Entry entry) {
        String where = "dataembassy.sites entry '" + entry.id() + "': ";
        SitesProperties.S3 s3 = entry.s3();
        if (s3 == null || s3.endpoint() == null) {
            throw new IllegalStateException(where + "an s3:// location needs s3.endpoint");
        }
        if (s3.accessKey() == null || s3.accessKey().isBlank() || s3.secretKey() == null || s3.secretKey().isBlank()) {
            throw new IllegalStateException(where + "s3.access-key and s3.secret-key are required (give them "
                    + "through the environment)");
        }
        String rest = entry.location().substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalStateException(where + "'" + bucket + "' is not a valid bucket name");
        }
        try {
            return new S3SiteConfig(s3.endpoint(), s3.region(), bucket, prefix, s3.accessKey(), s3.secretKey(),
                    s3.pathStyle() == null || s3.pathStyle(), s3.attempts() == null ? 3 : s3.attempts(),
                    s3.timeout() == null ? Duration.ofSeconds(10) : s3.timeout());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + e.getMessage(), e);
        }
    }
}
