package org.dataembassy.portal.workflow;

/** One business-friendly fact about what a process is about, e.g. "Dataset" → "Land register". Never a secret. */
public record ProcessDetail(String label, String value) {
}
