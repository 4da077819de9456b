package org.dataembassy.portal.agreements.web;

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
@RestControllerAdvice(assignableTypes = DecisionsController.class)
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

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request body", "The body is not the JSON object expected.",
                Map.of("body", "expected a JSON object {\"input\": {...}}"));
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
