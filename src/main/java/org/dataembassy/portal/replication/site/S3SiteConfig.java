package org.dataembassy.portal.replication.site;

import java.net.URI;
import java.time.Duration;

/**
 * Connection settings of an S3-compatible site. Path-style addressing is used when
 * {@code pathStyle} is set (needed by most self-hosted servers); {@code prefix} is prepended to
 * every object name.
 */
public record S3SiteConfig(URI endpoint, String region, String bucket, String prefix,
                           String accessKey, String secretKey, boolean pathStyle,
                           int maxAttempts, Duration attemptTimeout) {
    public S3SiteConfig {
        prefix = prefix == null || prefix.isEmpty() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
        region = region == null ? "us-east-1" : region;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
    }

    /** Never the keys: configurations end up in logs and exception messages. */
    @Override
    public String toString() {
        return "S3SiteConfig[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                + ", pathStyle=" + pathStyle + ", keys=(hidden)]";
    }
}
