package org.dataembassy.portal.jurisdiction.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.jurisdiction.JurisdictionReviewVariables;
import org.dataembassy.portal.jurisdiction.JurisdictionSteps;
import org.springframework.stereotype.Component;

/** Jurisdiction review step: steps.close(id), as the workflow's system account; a failure makes the job retry. */
@Component
public class RecordJurisdictionOutcomeDelegate implements JavaDelegate {

    private final JurisdictionSteps steps;

    public RecordJurisdictionOutcomeDelegate(JurisdictionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String id = JurisdictionReviewVariables.reviewId(execution);
        SystemAccount.runAs(SystemAccount.WORKFLOW, () -> steps.close(id));
    }
}
