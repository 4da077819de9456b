package org.dataembassy.portal.transfers.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.transfers.CrossBorderTransferVariables;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.springframework.stereotype.Component;

/** Transfer step: transfers.verify(id), as the workflow's system account; a failure makes the job retry. */
@Component
public class VerifyTransferDelegate implements JavaDelegate {

    private final CrossBorderTransfers transfers;

    public VerifyTransferDelegate(CrossBorderTransfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = CrossBorderTransferVariables.transferId(execution);
        SystemAccount.runAs(SystemAccount.WORKFLOW, () -> transfers.verify(id));
    }
}
