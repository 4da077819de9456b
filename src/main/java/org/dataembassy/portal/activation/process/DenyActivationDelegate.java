package org.dataembassy.portal.activation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.activation.ActivationStatus;
import org.dataembassy.portal.activation.ActivationSteps;
import org.dataembassy.portal.activation.EmergencyActivationVariables;
import org.dataembassy.portal.identity.SystemAccount;
import org.springframework.stereotype.Component;

/** The treaty rules refused: DENIED with their reasons. */
@Component
public class DenyActivationDelegate implements JavaDelegate {

    private final ActivationSteps steps;

    public DenyActivationDelegate(ActivationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = EmergencyActivationVariables.activationId(execution);
        SystemAccount.runAs(SystemAccount.WORKFLOW, () -> steps.finish(id, ActivationStatus.DENIED));
    }
}
