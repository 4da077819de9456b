package org.dataembassy.portal.workflow;

import java.util.Optional;

/**
 * What the portal recorded about the approval of a request that a workflow is about to act on: the treaty
 * rules' outcome and, where they required a review, the reviewer's decision. A step that accepts or replicates
 * asks {@link #missing()} first ({@link StepSafeguards}).
 *
 * @param requestedBy     who asked
 * @param decisionOutcome the recorded treaty outcome (ALLOW, REVIEW_REQUIRED, DENY), null if none was recorded
 * @param reviewedBy      the reviewer, null if nobody reviewed
 * @param reviewApproved  the reviewer's decision, null if nobody reviewed
 */
public record RecordedApproval(String requestedBy, String decisionOutcome, String reviewedBy, Boolean reviewApproved) {

    /** Empty when the request is approved by the rules or by an eligible reviewer; otherwise what is missing. */
    public Optional<String> missing() {
        if ("ALLOW".equals(decisionOutcome)) {
            return Optional.empty();
        }
        if (!"REVIEW_REQUIRED".equals(decisionOutcome)) {
            return Optional.of("no allow of the treaty rules is recorded (recorded outcome: "
                    + (decisionOutcome == null ? "none" : decisionOutcome) + ")");
        }
        if (reviewedBy == null || reviewApproved == null) {
            return Optional.of("the treaty rules required a review and none is recorded");
        }
        if (reviewedBy.equals(requestedBy)) {
            return Optional.of("the recorded review is by the requester (" + reviewedBy + "), not another person");
        }
        return Boolean.TRUE.equals(reviewApproved) ? Optional.empty()
                : Optional.of("the recorded review by " + reviewedBy + " rejected the request");
    }
}
