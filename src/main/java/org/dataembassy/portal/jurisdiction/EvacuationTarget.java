package org.dataembassy.portal.jurisdiction;

/** One copy an evacuation destroys: an ACTIVE dataset of the agreement replicated to a host-state site. */
public record EvacuationTarget(String datasetId, String datasetName, String site) {
}
