package org.dataembassy.portal.jurisdiction;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.dataembassy.portal.workflow.ProcessVariables;

/** Names and typed accessors of the JurisdictionReviewProcess variables (ids and gateway flags only). */
public final class JurisdictionReviewVariables {

    public static final String PROCESS_ID = "JurisdictionReviewProcess";
    /** The review's id (row of jurisdiction_review). */
    public static final String REVIEW_ID = "reviewId";
    /** The assessor's outcome: a {@link ReviewOutcome} name. */
    public static final String ASSESSMENT_OUTCOME = "assessmentOutcome";
    /** The security officer's answer to "Confirm the evacuation". */
    public static final String EVACUATION_CONFIRMED = "evacuationConfirmed";

    private JurisdictionReviewVariables() {
    }

    public static String reviewId(VariableScope scope) {
        return ProcessVariables.requiredText(scope, REVIEW_ID);
    }
}
