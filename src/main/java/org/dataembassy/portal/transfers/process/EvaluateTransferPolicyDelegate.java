package org.dataembassy.portal.transfers.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyEngineUnavailableException;
import org.dataembassy.portal.transfers.CrossBorderTransferVariables;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.springframework.stereotype.Component;

/** Asks the treaty's transfer rules and sets the gateway flag. Retried when OPA is unavailable, never approved. */
@Component
public class EvaluateTransferPolicyDelegate implements JavaDelegate {

    private final CrossBorderTransfers transfers;

    public EvaluateTransferPolicyDelegate(CrossBorderTransfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = CrossBorderTransferVariables.transferId(execution);
        PolicyDecision decision = SystemAccount.callAs(SystemAccount.WORKFLOW, () -> transfers.evaluatePolicy(id));
        if (decision.engineUnavailable()) {
            throw new PolicyEngineUnavailableException("policy engine unavailable; the step will be retried");
        }
        execution.setVariable(CrossBorderTransferVariables.POLICY_OUTCOME, decision.outcome().name());
    }
}
