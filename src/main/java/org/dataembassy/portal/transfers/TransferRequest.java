package org.dataembassy.portal.transfers;

import java.time.Instant;
import java.util.List;

/**
 * A cross-border transfer as stored: a dataset (an ACTIVE onboarding request) to one embassy site.
 *
 * @param decisionReasons the treaty reasons ("CODE (agreement article): message"), empty on a plain allow
 * @param snapshotId      the snapshot the site holds once COMPLETED (the evidence); null before
 */
public record TransferRequest(String id, String datasetId, String datasetName, String site, String purpose,
                              String requestedBy, Instant requestedAt, TransferStatus status,
                              List<String> decisionReasons, String reviewedBy, String reviewComment,
                              String snapshotId, Long bytesSent, String processInstanceId) {

    public TransferRequest {
        decisionReasons = List.copyOf(decisionReasons);
    }

    /** Audit subject and workflow business key. */
    public String subject() {
        return subject(id);
    }

    public static String subject(String id) {
        return "transfer:" + id;
    }
}
