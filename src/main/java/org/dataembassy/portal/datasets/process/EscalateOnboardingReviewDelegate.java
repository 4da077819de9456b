package org.dataembassy.portal.datasets.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetOnboardingVariables;
import org.dataembassy.portal.identity.SystemAccount;
import org.springframework.stereotype.Component;

/** Records that a legal review is overdue (the review task stays open). */
@Component
public class EscalateOnboardingReviewDelegate implements JavaDelegate {

    private final DatasetOnboarding onboarding;

    public EscalateOnboardingReviewDelegate(DatasetOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = DatasetOnboardingVariables.requestId(execution);
        SystemAccount.runAs(SystemAccount.WORKFLOW, () -> onboarding.escalateReview(requestId));
    }
}
