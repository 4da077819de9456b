package org.dataembassy.portal.datasets.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetOnboardingVariables;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyEngineUnavailableException;
import org.springframework.stereotype.Component;

/** Asks the treaty rules about the request and sets the gateway flag. Retried when OPA is unavailable. */
@Component
public class EvaluateOnboardingPolicyDelegate implements JavaDelegate {

    private final DatasetOnboarding onboarding;

    public EvaluateOnboardingPolicyDelegate(DatasetOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String requestId = DatasetOnboardingVariables.requestId(execution);
        PolicyDecision decision = SystemAccount.callAs(SystemAccount.WORKFLOW, () -> onboarding.evaluatePolicy(requestId));
        if (decision.engineUnavailable()) {
            throw new PolicyEngineUnavailableException("policy engine unavailable; the step will be retried");
        }
        execution.setVariable(DatasetOnboardingVariables.POLICY_OUTCOME, decision.outcome().name());
    }
}
