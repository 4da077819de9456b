package org.dataembassy.portal.transfers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.transfers.TransferRequest;
import org.dataembassy.portal.workflow.ProcessDetail;
import org.dataembassy.portal.workflow.ProcessSubject;
import org.dataembassy.portal.workflow.ProcessSubjects;
import org.springframework.stereotype.Component;

/**
 * Describes a transfer for its process page. Shown: dataset, embassy site, purpose, status, who asked, the treaty's
 * reasons, the review and the evidence (verified snapshot id, bytes sent). Nothing secret is held on a transfer.
 */
@Component
class TransferProcessSubjects implements ProcessSubjects {

    private final TransferRequestStore transfers;

    TransferProcessSubjects(TransferRequestStore transfers) {
        this.transfers = transfers;
    }

    @Override
    public Optional<ProcessSubject> describe(String businessKey) {
        String prefix = TransferRequest.subject("");
        if (businessKey == null || !businessKey.startsWith(prefix)) {
            return Optional.empty();
        }
        return transfers.find(businessKey.substring(prefix.length())).map(t -> new ProcessSubject(t.requestedBy(), details(t)));
    }

    private static List<ProcessDetail> details(TransferRequest t) {
        List<ProcessDetail> details = new ArrayList<>();
        details.add(new ProcessDetail("Dataset", t.datasetName()));
        details.add(new ProcessDetail("Embassy site", t.site()));
        details.add(new ProcessDetail("Purpose", t.purpose()));
        details.add(new ProcessDetail("Status", t.status().name()));
        details.add(new ProcessDetail("Requested by", t.requestedBy()));
        if (!t.decisionReasons().isEmpty()) {
            details.add(new ProcessDetail("Treaty reasons", String.join("; ", t.decisionReasons())));
        }
        if (t.reviewedBy() != null) {
            details.add(new ProcessDetail("Reviewed by", t.reviewedBy()
                    + (t.reviewComment() == null || t.reviewComment().isBlank() ? "" : ": " + t.reviewComment())));
        }
        if (t.snapshotId() != null) {
            details.add(new ProcessDetail("Verified snapshot", t.snapshotId()));
        }
        if (t.bytesSent() != null) {
            details.add(new ProcessDetail("Bytes sent", String.format("%,d", t.bytesSent())));
        }
        return details;
    }
}
