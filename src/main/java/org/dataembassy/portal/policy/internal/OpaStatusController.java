package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives OPA status reports at {@value PolicyBundles#STATUS_PATH} (OPA's status plugin posts to
 * {@code <service url>/status}; the service is the portal's {@code /opa}). Protected like the bundle
 * download: the bundle bearer token, no session ({@link BundleDownloadSecurity}).
 */
@RestController
class OpaStatusController {

    private final OpaStatusReports reports;

    OpaStatusController(OpaStatusReports reports) {
        this.reports = reports;
    }

    @PostMapping(PolicyBundles.STATUS_PATH)
    ResponseEntity<Void> report(@RequestBody JsonNode report) {
        return reports.record(report) ? ResponseEntity.ok().build() : ResponseEntity.badRequest().build();
    }
}
