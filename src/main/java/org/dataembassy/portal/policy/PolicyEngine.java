package org.dataembassy.portal.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dataembassy.portal.policy.internal.OpaEndpoint;
import org.dataembassy.portal.policy.internal.OpaProbe;
import org.dataembassy.portal.policy.internal.OpaStatusReports;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Reports on the OPA server in use, for the status page and health checks. */
@Service
public class PolicyEngine {

    private final OpaEndpoint endpoint;
    private final OpaProbe probe;
    private final OpaStatusReports reports;

    PolicyEngine(OpaEndpoint endpoint, OpaProbe probe, OpaStatusReports reports) {
        this.endpoint = endpoint;
        this.probe = probe;
        this.reports = reports;
    }

    /**
     * Every OPA that reported its status to the portal in the last 10 minutes (the supervised one and any
     * external OPA configured against the portal), with the bundle revision each runs.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'SYSTEM')")
    public List<OpaInstance> instances() {
        reports.forgetBefore(Instant.now().minus(Duration.ofMinutes(10)));
        return reports.instances();
    }

    /** Agreements known to the active policy bundle, for choosers in forms. Any signed-in user. */
    @PreAuthorize("isAuthenticated()")
    public List<AgreementSummary> agreements() {
        return probe.agreements(endpoint.baseUrl());
    }

    /** ADMIN and AUDITOR (and the health endpoint, which runs as the system). */
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR', 'SYSTEM')")
    public PolicyEngineStatus status() {
        String url = endpoint.baseUrl();
        boolean up = probe.healthy(url);
        return new PolicyEngineStatus(up, endpoint.mode(), url, up ? endpoint.version() : "unknown",
                up ? probe.bundleRevision(url).orElse("unknown") : "unknown", endpoint.restarts());
    }
}
