package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * The configuration file of the supervised OPA: pull {@link PolicyBundles#PATH} from the portal with the
 * bundle bearer token, verify it with the portal's public key under a pinned key id, poll often, report its
 * status (active revision, errors) to the portal's {@code /opa/status}. Written
 * owner-only because it holds the token.
 */
final class SupervisedOpaConfig {

    static final String SERVICE = "portal";
    static final String STATUS_SERVICE = "portal_status";
    /** How long the portal may hold OPA's bundle request open waiting for a new bundle. */
    static final int LONG_POLL_SECONDS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SupervisedOpaConfig() {
    }

    static ObjectNode content(String portalUrl, BundleSigningKey key, Duration minPolling, Duration maxPolling) {
        ObjectNode config = JSON.createObjectNode();
        ObjectNode services = config.putObject("services");
        services.putObject(SERVICE).put("url", portalUrl)
                .putObject("credentials").putObject("bearer").put("token", key.token());
        services.putObject(STATUS_SERVICE).put("url", portalUrl + "/opa")
                .putObject("credentials").putObject("bearer").put("token", key.token());
        config.putObject("labels").put("role", "supervised");
        config.putObject("status").put("service", STATUS_SERVICE);
        ObjectNode bundle = config.putObject("bundles").putObject(PolicyBundles.NAME);
        bundle.put("service", SERVICE).put("resource", PolicyBundles.PATH.substring(1)).put("persist", false);
        bundle.putObject("polling").put("min_delay_seconds", Math.max(1, minPolling.toSeconds()))
                .put("max_delay_seconds", Math.max(Math.max(1, minPolling.toSeconds()), maxPolling.toSeconds()))
                .put("long_polling_timeout_seconds", LONG_POLL_SECONDS);
        bundle.putObject("signing").put("keyid", key.keyId());
        config.putObject("keys").putObject(key.keyId()).put("algorithm", key.algorithm()).put("key", key.publicKeyPem());
        return config;
    }

    static Path write(Path file, ObjectNode content) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the OPA configuration " + file, e);
        }
    }
}
