package org.dataembassy.portal.agreements.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.EntryPoint;
import org.dataembassy.portal.agreements.TreatyRules;
import org.dataembassy.portal.api.ApiController;
import org.dataembassy.portal.api.ApiProblems;
import org.dataembassy.portal.api.ProblemType;
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

/** REST API for what-if decisions (OpenAPI generated: /v3/api-docs, docs/openapi.json); access is checked by TreatyRules. */
@ApiController
@Tag(name = "Decisions", description = "What-if decisions of the treaty rules and the session's CSRF token")
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

    @Operation(operationId = "decide", summary = "Ask the treaty rules for a decision",
            description = "A what-if decision of one entry point (onboarding, transfer, jurisdiction, activation, duties) on the"
                    + " input given, judged by the published rules and recorded like every decision; nothing else changes."
                    + " The input must have the entry point's shape (schemas/input/<entry point>.json): an unknown field is"
                    + " refused by its JSON path. Limited per person (429). LEGAL_OFFICER, AUDITOR, ADMIN.")
    @ApiProblems(value = ProblemType.RATE_LIMITED, when = "Too many what-if decisions by this person (60 a minute, bursts"
            + " of 20, shared with the try-it panel); Retry-After gives the seconds to wait.")
    @PostMapping(path = "/decisions/{entryPoint}", consumes = MediaType.APPLICATION_JSON_VALUE)
    DecisionResponse decide(@PathVariable String entryPoint, @RequestBody DecisionRequest request) {
        EntryPoint point = EntryPoint.fromKey(entryPoint).orElseThrow(() -> new UnknownEntryPointException(entryPoint));
        PolicyDecision decision = rules.evaluate(point, request.input());
        return new DecisionResponse(decision.decisionId(), point.key(), decision.outcome(), decision.reasons(),
                decision.obligations());
    }

    @Operation(operationId = "csrfToken", summary = "The session's CSRF token",
            description = "With a session (local accounts), every POST and PUT must send this token in the header it names."
                    + " Not needed with a Keycloak bearer token.")
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
