package org.dataembassy.portal.activation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.activation.ActivationSteps;
import org.dataembassy.portal.activation.EmergencyActivationVariables;
import org.dataembassy.portal.identity.SystemAccount;
import org.springframework.stereotype.Component;

/** Releases the state key (Shamir shares in memory, or the local KEK file); a failure makes the job retry. */
@Component
public class ReleaseStateKeyDelegate implements JavaDelegate {

    private final ActivationSteps steps;

    public ReleaseStateKeyDelegate(ActivationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = EmergencyActivationVariables.activationId(execution);
        SystemAccount.callAs(SystemAccount.WORKFLOW, () -> steps.releaseKey(id));
    }
}
