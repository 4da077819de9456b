package org.dataembassy.portal.agreements;

import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.internal.DecisionInputLimits;
import org.dataembassy.portal.agreements.internal.DecisionInputShape;
import org.dataembassy.portal.agreements.internal.WhatIfQuota;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.AgreementSummary;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyEngine;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Asks the active treaty rules questions on behalf of legal officers, auditors and admins: what-if scenarios
 * from the try-it panel and raw decision inputs from the REST API. Every answer is a real decision of
 * {@link PolicyDecisions}: recorded with its input and audited, fail-closed when OPA cannot answer.
 * Invalid scenarios and inputs over the size limits ({@link DecisionInputLimits}) are rejected with
 * {@link InvalidInputException}, and a person over their allowance ({@link WhatIfQuota}) with
 * {@link WhatIfRateLimitedException}, before anything is asked or recorded.
 */
@Service
public class TreatyRules {

    /** The longest agreement key the registry can hold (column {@code agreement.agreement_key}). */
    static final int MAX_AGREEMENT_KEY = 40;

    private final PolicyDecisions decisions;
    private final PolicyEngine engine;
    private final WhatIfQuota quota;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    TreatyRules(PolicyDecisions decisions, PolicyEngine engine, WhatIfQuota quota, CurrentUser currentUser,
                ApplicationEventPublisher events) {
        this.decisions = decisions;
        this.engine = engine;
        this.quota = quota;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** Agreements of the active policy bundle; empty when the engine cannot be asked. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public List<AgreementSummary> agreements() {
        return engine.agreements();
    }

    /**
     * The decision input a scenario stands for, as the REST API and the JSON panel of the try-it page take it (refused
     * by field like {@link #tryScenario}); nothing is asked or recorded.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public Map<String, Object> scenarioInput(Scenario scenario) {
        return ScenarioInput.of(scenario);
    }

    /** Evaluates a scenario; the decision is recorded with subject {@code try-it:<agreement>}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public PolicyDecision tryScenario(Scenario scenario) {
        Map<String, Object> input = ScenarioInput.of(scenario);
        DecisionInputLimits.check(input);
        admit();
        return decisions.decide(new PolicyQuery(scenario.entryPoint().path(), "try-it:" + scenario.agreement(), input));
    }

    /**
     * Evaluates a raw decision input as the REST API receives it; recorded with subject
     * {@code api:<agreement>} ({@code api:-} when the input names none). The policy judges the content; only an
     * {@code agreement} longer than any key is refused (400), as it could not be recorded.
     */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public PolicyDecision evaluate(EntryPoint entryPoint, Map<String, Object> input) {
        if (entryPoint == null) {
            throw InvalidInputException.of("entryPoint", "required");
        }
        if (input == null) {
            throw InvalidInputException.of("input", "required: a JSON object with the decision input");
        }
        DecisionInputLimits.check(input);
        DecisionInputShape.check(entryPoint, input);
        admit();
        Object agreement = input.get("agreement");
        if (agreement instanceof String s && s.length() > MAX_AGREEMENT_KEY) {
            // no key is longer (agreement.agreement_key); recorded and audited as the subject, it would overflow them
            throw InvalidInputException.of("input.agreement", "at most " + MAX_AGREEMENT_KEY
                    + " characters: no agreement key is longer");
        }
        String subject = "api:" + (agreement instanceof String s && !s.isBlank() ? s : "-");
        return decisions.decide(new PolicyQuery(entryPoint.path(), subject, input));
    }

    private void admit() {
        String username = currentUser.requireUsername();
        WhatIfQuota.Admission admission = quota.admit(username);
        if (!admission.allowed()) {
            WhatIfRateLimitedException refusal = new WhatIfRateLimitedException(admission.retryAfter(), quota.limit());
            if (admission.firstRefusal()) {
                events.publishEvent(new WhatIfRateLimited(username, quota.limit(), refusal.retryAfterSeconds()));
            }
            throw refusal;
        }
    }
}
