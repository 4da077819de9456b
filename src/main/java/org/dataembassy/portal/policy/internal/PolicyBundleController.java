package org.dataembassy.portal.policy.internal;

import java.util.Arrays;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the active signed policy bundle to OPA (bundle service API: GET with {@code If-None-Match},
 * 200 with an {@code ETag} or 304). Only callers presenting the bundle bearer token get here; see
 * {@link BundleDownloadSecurity}.
 */
@RestController
class PolicyBundleController {

    private final PolicyBundles bundles;

    PolicyBundleController(PolicyBundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping(PolicyBundles.PATH)
    ResponseEntity<byte[]> bundle(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        long sequence = bundles.countRequest();
        PolicyBundles.Served served = bundles.current();
        if (served == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(tag -> tag.trim().replaceFirst("^W/", ""))
                .anyMatch(tag -> tag.equals(served.etag()) || tag.equals("*"))) {
            bundles.sent(served, sequence); // the caller has these bytes already
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(served.etag()).build();
        }
        bundles.sent(served, sequence);
        return ResponseEntity.ok().eTag(served.etag()).cacheControl(CacheControl.noCache())
                .contentType(MediaType.parseMediaType("application/gzip")).body(served.body());
    }
}
