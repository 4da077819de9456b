package org.dataembassy.portal.replication;

import java.util.List;

/** Objects copied verbatim from a healthy site ({@code "site:object<-fromSite"}) and those no site could supply. */
public record RepairReport(List<String> repaired, List<String> unrepaired) {
}
