package org.dataembassy.portal.activation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.activation.ActivationSteps;
import org.dataembassy.portal.activation.EmergencyActivationVariables;
import org.dataembassy.portal.identity.SystemAccount;
import org.springframework.stereotype.Component;

/** Records the activation notice to the host state and sets when its receipt is due. */
@Component
public class NotifyHostStateDelegate implements JavaDelegate {

    private final ActivationSteps steps;

    public NotifyHostStateDelegate(ActivationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = EmergencyActivationVariables.activationId(execution);
        EmergencyActivationVariables.noticeDue(execution, SystemAccount.callAs(SystemAccount.WORKFLOW, () -> steps.notifyHostState(id)));
    }
}
