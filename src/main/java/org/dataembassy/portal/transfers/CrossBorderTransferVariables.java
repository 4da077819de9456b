package org.dataembassy.portal.transfers;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.dataembassy.portal.workflow.ProcessVariables;

/** Names and typed accessors of the CrossBorderTransferProcess variables (ids and gateway flags only). */
public final class CrossBorderTransferVariables {

    public static final String PROCESS_ID = "CrossBorderTransferProcess";
    /** The transfer's id (row of transfer_request). */
    public static final String TRANSFER_ID = "transferId";
    /** ALLOW, REVIEW_REQUIRED or DENY. */
    public static final String POLICY_OUTCOME = "policyOutcome";
    /** The legal officer's answer to "Review transfer". */
    public static final String REVIEW_APPROVED = "reviewApproved";

    private CrossBorderTransferVariables() {
    }

    public static String transferId(VariableScope scope) {
        return ProcessVariables.requiredText(scope, TRANSFER_ID);
    }
}
