package org.dataembassy.portal.agreements.web;

import org.dataembassy.portal.agreements.FourEyesException;
import org.dataembassy.portal.agreements.UnknownAgreementException;
import org.dataembassy.portal.agreements.VersionStateException;
import org.dataembassy.portal.policy.PolicyRejectedException;

import java.net.URI;
import java.util.Map;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the API's errors into RFC 7807 problem+json; 400s carry an {@code errors} map (field → message). */
@RestControllerAdvice(assignableTypes = {DecisionsController.class, AgreementsController.class})
class ApiProblems {

    @ExceptionHandler(DecisionsController.UnknownEntryPointException.class)
    ResponseEntity<ProblemDetail> unknownEntryPoint(DecisionsController.UnknownEntryPointException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown entry point", e.getMessage(), null);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request was rejected; nothing was decided.",
                e.fieldErrors());
    }

    @ExceptionHandler(UnknownAgreementException.class)
    ResponseEntity<ProblemDetail> unknownAgreement(UnknownAgreementException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown agreement", e.getMessage(), null);
    }

    @ExceptionHandler(VersionStateException.class)
    ResponseEntity<ProblemDetail> state(VersionStateException e) {
        return problem(HttpStatus.CONFLICT, "Not possible in this state", e.getMessage(), null);
    }

    @ExceptionHandler(FourEyesException.class)
    ResponseEntity<ProblemDetail> fourEyes(FourEyesException e) {
        return problem(HttpStatus.FORBIDDEN, "Four-eyes rule", e.getMessage(), null);
    }

    /** Rego that does not compile, a broken contract, failing tests or a bundle OPA did not activate. */
    @ExceptionHandler(PolicyRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(PolicyRejectedException e) {
        ResponseEntity<ProblemDetail> response = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Treaty rules refused",
                e.getMessage() + ". Nothing was changed or published.", null);
        response.getBody().setProperty("problems", e.problems());
        return response;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "The body is not the JSON object expected.",
                Map.of("body", "expected a JSON object, as the API documentation shows"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json.", null);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
