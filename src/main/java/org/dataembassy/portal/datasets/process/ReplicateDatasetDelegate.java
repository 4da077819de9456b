package org.dataembassy.portal.datasets.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.datasets.DatasetOnboardingVariables;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.identity.SystemAccount;
import org.springframework.stereotype.Component;

/** Workflow step "replicate" of an accepted dataset, as the workflow's system account; a failure makes the job retry. */
@Component
public class ReplicateDatasetDelegate implements JavaDelegate {

    private final DatasetProvisioning activation;

    public ReplicateDatasetDelegate(DatasetProvisioning activation) {
        this.activation = activation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = DatasetOnboardingVariables.requestId(execution);
        SystemAccount.runAs(SystemAccount.WORKFLOW, () -> activation.replicate(requestId));
    }
}
