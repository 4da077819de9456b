package org.dataembassy.portal.policy.internal;

/** An OPA server run by operations beside the portal node (production). */
final class ExternalOpa implements OpaEndpoint {

    private final String baseUrl;
    private final OpaProbe probe;

    ExternalOpa(String url, OpaProbe probe) {
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.probe = probe;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String mode() {
        return "external";
    }

    @Override
    public String version() {
        return probe.version(baseUrl).orElse("unknown");
    }

    @Override
    public int restarts() {
        return 0;
    }
}
