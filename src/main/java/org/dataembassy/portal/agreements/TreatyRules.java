package org.dataembassy.portal.agreements;

import java.util.List;
import java.util.Map;
import org.dataembassy.portal.policy.AgreementSummary;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyEngine;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Asks the active treaty rules questions on behalf of legal officers, auditors and admins: what-if scenarios
 * from the try-it panel and raw decision inputs from the REST API. Every answer is a real decision of
 * {@link PolicyDecisions}: recorded with its input and audited, fail-closed when OPA cannot answer.
 * Invalid scenarios are rejected with {@link InvalidInputException} before anything is asked or recorded.
 */
@Service
public class TreatyRules {

    /** The longest agreement key the registry can hold (column {@code agreement.agreement_key}). */
    static final int MAX_AGREEMENT_KEY = 40;

    private final PolicyDecisions decisions;
    private final PolicyEngine engine;

    TreatyRules(PolicyDecisions decisions, PolicyEngine engine) {
        this.decisions = decisions;
        this.engine = engine;
    }

    /** Agreements of the active policy bundle; empty when the engine cannot be asked. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public List<AgreementSummary> agreements() {
        return engine.agreements();
    }

    /** Evaluates a scenario; the decision is recorded with subject {@code try-it:<agreement>}. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    public PolicyDecision tryScenario(Scenario scenario) {
        Map<String, Object> input = ScenarioInput.of(scenario);
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
        input.forEach((key, value) -> {
            if (value == null) {
                throw InvalidInputException.of("input." + key, "null is not a value; leave the field out");
            }
        });
        Object agreement = input.get("agreement");
        if (agreement instanceof String s && s.length() > MAX_AGREEMENT_KEY) {
            // no key is longer (agreement.agreement_key); recorded and audited as the subject, it would overflow them
            throw InvalidInputException.of("input.agreement", "at most " + MAX_AGREEMENT_KEY
                    + " characters: no agreement key is longer");
        }
        String subject = "api:" + (agreement instanceof String s && !s.isBlank() ? s : "-");
        return decisions.decide(new PolicyQuery(entryPoint.path(), subject, input));
    }
}
