package org.dataembassy.portal.datasets;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.dataembassy.portal.workflow.ProcessVariables;

/** Names and typed accessors of the DatasetOnboardingProcess variables (ids and gateway flags only). */
public final class DatasetOnboardingVariables {

    public static final String PROCESS_ID = "DatasetOnboardingProcess";
    public static final String REQUEST_ID = "requestId";
    /** ALLOW, REVIEW_REQUIRED or DENY. */
    public static final String POLICY_OUTCOME = "policyOutcome";
    public static final String REVIEW_APPROVED = "reviewApproved";
    public static final String KEYS_APPROVED = "keysApproved";

    private DatasetOnboardingVariables() {
    }

    public static String requestId(VariableScope scope) {
        return ProcessVariables.requiredText(scope, REQUEST_ID);
    }
}
