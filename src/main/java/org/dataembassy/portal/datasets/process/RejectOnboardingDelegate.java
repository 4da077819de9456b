package org.dataembassy.portal.datasets.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetOnboardingVariables;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.identity.SystemAccount;
import org.springframework.stereotype.Component;

/** Marks the request rejected. Idempotent: a retry writes the same status again. */
@Component
public class RejectOnboardingDelegate implements JavaDelegate {

    private final DatasetOnboarding onboarding;

    public RejectOnboardingDelegate(DatasetOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = DatasetOnboardingVariables.requestId(execution);
        SystemAccount.runAs(SystemAccount.WORKFLOW, () -> onboarding.complete(requestId, OnboardingStatus.REJECTED));
    }
}
