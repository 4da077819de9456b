package org.dataembassy.portal.policy.internal;

/** Where the OPA server the portal talks to can be reached right now. */
public interface OpaEndpoint {

    /** Base URL without trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl();

    /** "supervised" or "external". */
    String mode();

    /** OPA version as reported by the engine, or "unknown". */
    String version();

    /** Times the supervisor restarted a dead OPA (0 for external engines). */
    int restarts();
}
