package org.dataembassy.portal.transfers;

import org.camunda.bpm.engine.delegate.VariableScope;

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
        Object value = scope.getVariable(TRANSFER_ID);
        if (!(value instanceof String id) || id.isBlank()) {
            throw new IllegalStateException("process variable " + TRANSFER_ID + " is missing");
        }
        return id;
    }
}
