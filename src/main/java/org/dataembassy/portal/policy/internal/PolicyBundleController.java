package org.dataembassy.portal.policy.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * 200 with an {@code ETag} or 304), with long polling: a request carrying {@code Prefer: wait=<s>} for the
 * bundle it already has is held until a new bundle is served or the wait ends (then 304). Only callers presenting the bundle bearer token get here; see
 * {@link BundleDownloadSecurity}.
 */
@RestController
class PolicyBundleController {

    private final PolicyBundles bundles;

    PolicyBundleController(PolicyBundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping(PolicyBundles.PATH)
    ResponseEntity<byte[]> bundle(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                  @RequestHeader(value = "Prefer", required = false) String prefer) {
        long sequence = bundles.countRequest();
        PolicyBundles.Served served = bundles.current();
        if (served == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        Duration wait = longPollWait(prefer);
        if (matches(ifNoneMatch, served) && !wait.isZero()) {
            served = bundles.awaitChange(served, wait); // answer as soon as a new bundle is served
        }
        bundles.sent(served, sequence);
        if (matches(ifNoneMatch, served)) { // the caller has these bytes already
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(served.etag()).build();
        }
        // This content type tells OPA the server supports long polling (then OPA asks again at once, with
        // "Prefer: wait=<s>", instead of after its polling delay): publish-to-active drops to milliseconds.
        return ResponseEntity.ok().eTag(served.etag()).cacheControl(CacheControl.noCache())
                .contentType(LONG_POLL_BUNDLE).body(served.body());
    }

    static final MediaType LONG_POLL_BUNDLE = MediaType.parseMediaType("application/vnd.openpolicyagent.bundles");
    /** Longest a long poll is held, whatever the caller asks. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static boolean matches(String ifNoneMatch, PolicyBundles.Served served) {
        return ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(tag -> tag.trim().replaceFirst("^W/", ""))
                .anyMatch(tag -> tag.equals(served.etag()) || tag.equals("*"));
    }

    /** {@code Prefer: modes=snapshot,delta;wait=10} → 10 s (capped); zero when the caller does not long-poll. */
    static Duration longPollWait(String prefer) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher m = WAIT.matcher(prefer);
        if (!m.find()) {
            return Duration.ZERO;
        }
        try {
            Duration asked = Duration.ofSeconds(Long.parseLong(m.group(1)));
            return asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
        } catch (NumberFormatException e) {
            return MAX_WAIT;
        }
    }

    private static final Pattern WAIT = Pattern.compile("(?:^|[;,\\s])wait=(\\d{1,9})");
}
