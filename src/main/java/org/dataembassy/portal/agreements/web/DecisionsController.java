package org.dataembassy.portal.agreements.web;

import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.EntryPoint;
import org.dataembassy.portal.agreements.TreatyRules;
import org.dataembassy.portal.api.ApiController;
import org.dataembassy.portal.policy.Obligation;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.Reason;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;

/** REST API for decisions and agreements (documented in docs/openapi.yaml); access is checked by TreatyRules. */
@ApiController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionsController {

    private final TreatyRules rules;

    DecisionsController(TreatyRules rules) {
        this.rules = rules;
    }

    /** Body of a decision request: {@code {"input": {...}}}. */
    record DecisionRequest(Map<String, Object> input) {
    }

    /** The typed decision: outcome ALLOW, REVIEW_REQUIRED or DENY with every reason. */
    record DecisionResponse(String decisionId, String entryPoint, PolicyDecision.Outcome outcome, List<Reason> reasons,
                            List<Obligation> obligations) {
    }

    /** The session's CSRF token, to be sent back in {@code headerName} on every POST. */
    record CsrfResponse(String headerName, String parameterName, String token) {
    }

    @PostMapping(path = "/decisions/{entryPoint}", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionResponse decide(@PathVariable String entryPoint, @RequestBody DecisionRequest request) {
        EntryPoint point = EntryPoint.fromKey(entryPoint).orElseThrow(() -> new UnknownEntryPointException(entryPoint));
        PolicyDecision decision = rules.evaluate(point, request.input());
        return new DecisionResponse(decision.decisionId(), point.key(), decision.outcome(), decision.reasons(),
                decision.obligations());
    }

    @GetMapping("/csrf")
    CsrfResponse csrf(CsrfToken token) {
        return new CsrfResponse(token.getHeaderName(), token.getParameterName(), token.getToken());
    }

    static final class UnknownEntryPointException extends RuntimeException {
        UnknownEntryPointException(String entryPoint) {
            super("unknown entry point '" + entryPoint + "'; one of onboarding, transfer, jurisdiction, activation, duties");
        }
    }
}
