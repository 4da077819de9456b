package org.dataembassy.portal.policy;

/**
 * What the status page shows about the OPA server the portal uses.
 *
 * @param up             answered its health check just now
 * @param mode           "supervised" (started by the portal) or "external"
 * @param url            base URL (loopback for supervised)
 * @param version        OPA version, or "unknown"
 * @param bundleRevision revision of the active policy bundle, or "none"
 * @param restarts       how often the supervisor restarted a dead OPA (0 for external)
 */
public record PolicyEngineStatus(boolean up, String mode, String url, String version, String bundleRevision,
                                 int restarts) {
}
