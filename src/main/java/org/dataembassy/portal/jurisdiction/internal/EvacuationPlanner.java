package org.dataembassy.portal.jurisdiction.internal;

import java.util.List;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.jurisdiction.EvacuationTarget;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.springframework.stereotype.Component;

/**
 * What an evacuation of a review's host-state sites destroys: every ACTIVE dataset under the review's agreement
 * that is replicated to one of those sites. The register of active datasets is read as the workflow reads it;
 * whoever asks for a plan has been authorised by the calling service.
 */
@Component
public class EvacuationPlanner {

    private final DatasetOnboarding datasets;

    EvacuationPlanner(DatasetOnboarding datasets) {
        this.datasets = datasets;
    }

    public List<EvacuationTarget> plan(JurisdictionReview review) {
        return SystemAccount.callAs(SystemAccount.WORKFLOW, datasets::activeDatasets).stream()
                .filter(d -> review.agreementKey().equals(d.agreementId()))
                .flatMap(d -> d.targetSites().stream().filter(review.sites()::contains)
                        .map(site -> new EvacuationTarget(d.id(), d.name(), site)))
                .toList();
    }
}
