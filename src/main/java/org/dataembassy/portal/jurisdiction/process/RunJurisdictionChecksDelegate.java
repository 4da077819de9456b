package org.dataembassy.portal.jurisdiction.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.jurisdiction.JurisdictionReviewVariables;
import org.dataembassy.portal.jurisdiction.JurisdictionSteps;
import org.springframework.stereotype.Component;

/** Asks the treaty's jurisdiction rules and records the findings; an unavailable OPA makes the job retry, never pass. */
@Component
public class RunJurisdictionChecksDelegate implements JavaDelegate {

    private final JurisdictionSteps steps;

    public RunJurisdictionChecksDelegate(JurisdictionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = JurisdictionReviewVariables.reviewId(execution);
        SystemAccount.runAs(SystemAccount.WORKFLOW, () -> steps.runChecks(id));
    }
}
