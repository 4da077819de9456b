package org.dataembassy.portal.replication.site;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses a site specification and opens the store. Forms:
 * <ul>
 *   <li>{@code folder:/absolute/path}</li>
 *   <li>{@code memory:} (only useful inside one process)</li>
 *   <li>{@code s3:http://host:port/bucket/prefix?accessKey=..&secretKey=..&region=..&attempts=4&timeoutMs=5000}
 *   (path-style always).</li>
 * </ul>
 */
public final class SiteSpec {
    private SiteSpec() {
    }

    public static SiteStore open(String name, String spec) {
        if (spec.startsWith("folder:")) {
            return new FolderSiteStore(name, Path.of(spec.substring("folder:".length())));
        }
        if (spec.startsWith("memory:")) {
            return new InMemorySiteStore(name);
        }
        if (spec.startsWith("s3:")) {
            return new S3SiteStore(name, s3Config(URI.create(spec.substring(3))));
        }
        throw new IllegalArgumentException("unknown site spec (want folder:, s3: or memory:): " + spec);
    }

    static S3SiteConfig s3Config(URI uri) {
        Map<String, String> q = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String path = uri.getPath().replaceFirst("^/", "");
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String prefix = slash < 0 ? "" : path.substring(slash + 1);
        URI endpoint = URI.create(uri.getScheme() + "://" + uri.getAuthority());
        return new S3SiteConfig(endpoint, q.get("region"), bucket, prefix,
                q.getOrDefault("accessKey", ""), q.getOrDefault("secretKey", ""), true,
                Integer.parseInt(q.getOrDefault("attempts", "4")),
                Duration.ofMillis(Long.parseLong(q.getOrDefault("timeoutMs", "5000"))));
    }
}
