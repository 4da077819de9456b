package org.dataembassy.portal.jurisdiction.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dataembassy.portal.jurisdiction.JurisdictionReviewVariables;

/** Reading the review id of a process instance. */
final class ReviewSteps {

    private ReviewSteps() {
    }

    static String reviewId(DelegateExecution execution) {
        Object id = execution.getVariable(JurisdictionReviewVariables.REVIEW_ID);
        if (!(id instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("process variable " + JurisdictionReviewVariables.REVIEW_ID + " is missing");
        }
        return s;
    }
}
