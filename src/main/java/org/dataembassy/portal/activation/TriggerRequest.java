package org.dataembassy.portal.activation;

import java.util.List;

/**
 * What a committee member gives to trigger an activation.
 *
 * @param datasetIds empty: every ACTIVE dataset of the agreement replicated to the site
 * @param keyShare   the trigger's own key share, needed once a key ceremony was held (not in a rehearsal);
 *                   may be null. Held in memory only.
 */
public record TriggerRequest(String agreementKey, String site, EmergencyType emergencyType, String justification,
                             List<String> declarations, List<String> datasetIds, boolean rehearsal, String keyShare) {

    public TriggerRequest {
        declarations = declarations == null ? List.of() : List.copyOf(declarations);
        datasetIds = datasetIds == null ? List.of() : List.copyOf(datasetIds);
    }

    @Override
    public String toString() {
        return "TriggerRequest[" + agreementKey + " at " + site + ", " + emergencyType + ", rehearsal " + rehearsal
                + ", share " + (keyShare == null || keyShare.isBlank() ? "none" : "given") + "]";
    }
}
