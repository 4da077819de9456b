package org.dataembassy.portal.replication;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sites under {@code dataembassy.sites}: id, country (ISO 3166-1 alpha-2), role, location — a folder, or
 * {@code s3://bucket/prefix} with the connection under {@code s3}.
 */
@ConfigurationProperties("dataembassy")
public record SitesProperties(List<Entry> sites) {

    /** One site; {@code s3} only for {@code s3://} locations. */
    public record Entry(String id, String country, String role, String location, S3 s3) {
    }

    /**
     * An S3-compatible object store. Give the keys through the environment (e.g.
     * {@code ${EMBASSY_LU_S3_SECRET_KEY}}), never in a file in the repository; they are never logged.
     *
     * @param endpoint     the service URL
     * @param region       signing region (default us-east-1)
     * @param pathStyle    path-style addressing, needed by most self-hosted servers (default true)
     * @param accessKey    access key id
     * @param secretKey    secret key
     * @param attempts     attempts per request before the site counts as unavailable (default 3)
     * @param timeout      per-attempt connect and read timeout (default 10 s)
     * @param createBucket create the bucket when it is missing (test servers; default false)
     */
    public record S3(URI endpoint, String region, Boolean pathStyle, String accessKey, String secretKey,
                     Integer attempts, Duration timeout, Boolean createBucket) {

        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", keys=(hidden)]";
        }
    }

    public SitesProperties {
        sites = sites == null ? List.of() : List.copyOf(sites);
    }
}
