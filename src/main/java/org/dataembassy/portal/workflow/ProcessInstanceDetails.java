package org.dataembassy.portal.workflow;

import java.util.List;
import org.dataembassy.portal.audit.AuditEntry;

/**
 * Everything a process page shows about one instance.
 *
 * @param modelXml   the BPMN 2.0 XML of the instance's process definition version
 * @param current    ids of the activities active now (empty once finished)
 * @param completed  ids of the activities finished at least once (cancelled ones not included)
 * @param taken      ids of the sequence flows taken (derived from the activity history, see {@code TakenFlows})
 * @param details    business-friendly facts from the module owning the business key; empty if none
 * @param auditTrail the audit entries whose subject is the business key, oldest first
 */
public record ProcessInstanceDetails(ProcessInstanceSummary instance, String modelXml, List<String> current,
                                     List<String> completed, List<String> taken, List<ProcessIncident> incidents,
                                     List<ProcessDetail> details, List<AuditEntry> auditTrail) {

    public ProcessInstanceDetails {
        current = List.copyOf(current);
        completed = List.copyOf(completed);
        taken = List.copyOf(taken);
        incidents = List.copyOf(incidents);
        details = List.copyOf(details);
        auditTrail = List.copyOf(auditTrail);
    }
}
