package org.dataembassy.portal.transfers.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.transfers.CrossBorderTransferVariables;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferStatus;
import org.springframework.stereotype.Component;

/** Transfer step: transfers.complete(id, TransferStatus.DENIED), as the workflow's system account; a failure makes the job retry. */
@Component
public class DenyTransferDelegate implements JavaDelegate {

    private final CrossBorderTransfers transfers;

    public DenyTransferDelegate(CrossBorderTransfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = CrossBorderTransferVariables.transferId(execution);
        SystemAccount.runAs(SystemAccount.WORKFLOW, () -> transfers.complete(id, TransferStatus.DENIED));
    }
}
