package org.dataembassy.portal.agreements.web;

import org.dataembassy.portal.agreements.FourEyesException;
import org.dataembassy.portal.agreements.StaleVersionException;
import org.dataembassy.portal.agreements.UnknownAgreementException;
import org.dataembassy.portal.agreements.VersionStateException;
import org.dataembassy.portal.agreements.WhatIfRateLimitedException;
import org.dataembassy.portal.api.ApiController;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The agreements module's own refusals as problem+json, for every {@link ApiController}. Everything else (malformed
 * or invalid bodies, unknown paths, methods, media types, sizes, unexpected failures) is answered by the api module
 * the same way for every controller under {@code /api/**}.
 */
@RestControllerAdvice(annotations = ApiController.class)
class AgreementProblems {

    @ExceptionHandler(DecisionsController.UnknownEntryPointException.class)
    ResponseEntity<ProblemDetail> unknownEntryPoint(DecisionsController.UnknownEntryPointException e) {
        return Problems.response(Problems.of(ProblemType.NOT_FOUND, "Unknown entry point", e.getMessage()));
    }

    @ExceptionHandler(UnknownAgreementException.class)
    ResponseEntity<ProblemDetail> unknownAgreement(UnknownAgreementException e) {
        return Problems.response(Problems.of(ProblemType.NOT_FOUND, "Unknown agreement", e.getMessage()));
    }

    @ExceptionHandler(VersionStateException.class)
    ResponseEntity<ProblemDetail> state(VersionStateException e) {
        return Problems.response(Problems.of(ProblemType.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        return Problems.response(Problems.of(ProblemType.PRECONDITION_FAILED, e.getMessage()));
    }

    @ExceptionHandler(FourEyesException.class)
    ResponseEntity<ProblemDetail> fourEyes(FourEyesException e) {
        return Problems.response(Problems.of(ProblemType.FOUR_EYES, e.getMessage()));
    }

    @ExceptionHandler(WhatIfRateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(WhatIfRateLimitedException e) {
        return ResponseEntity.status(ProblemType.RATE_LIMITED.status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(ProblemType.RATE_LIMITED, e.getMessage()));
    }

    /** Rego that does not compile, a broken contract, failing tests or a bundle OPA did not activate. */
    @ExceptionHandler(PolicyRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(PolicyRejectedException e) {
        ProblemDetail problem = Problems.of(ProblemType.RULES_REFUSED, e.getMessage() + ". Nothing was changed or published.");
        problem.setProperty("problems", e.problems());
        return Problems.response(problem);
    }
}
