package org.dataembassy.portal.transfers.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dataembassy.portal.transfers.CrossBorderTransfers;

/** Reading the transfer id of a process instance. */
final class TransferSteps {

    private TransferSteps() {
    }

    static String transferId(DelegateExecution execution) {
        Object id = execution.getVariable(CrossBorderTransfers.TRANSFER_ID);
        if (!(id instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("process variable " + CrossBorderTransfers.TRANSFER_ID + " is missing");
        }
        return s;
    }
}
