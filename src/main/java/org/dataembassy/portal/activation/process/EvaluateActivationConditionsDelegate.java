package org.dataembassy.portal.activation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.activation.ActivationSteps;
import org.dataembassy.portal.activation.EmergencyActivationVariables;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.policy.PolicyEngineUnavailableException;
import org.springframework.stereotype.Component;

/** Asks the treaty rules whether activation is permitted under the trigger's conditions; retried when OPA is unavailable, never allowed. */
@Component
public class EvaluateActivationConditionsDelegate implements JavaDelegate {

    private final ActivationSteps steps;

    public EvaluateActivationConditionsDelegate(ActivationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = EmergencyActivationVariables.activationId(execution);
        var decision = SystemAccount.callAs(SystemAccount.WORKFLOW, () -> steps.evaluateConditions(id));
        if (decision.engineUnavailable()) {
            throw new PolicyEngineUnavailableException("policy engine unavailable; the step will be retried");
        }
        EmergencyActivationVariables.policyOutcome(execution, decision.outcome().name());
    }
}
