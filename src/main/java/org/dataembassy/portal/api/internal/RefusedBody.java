package org.dataembassy.portal.api.internal;

import java.util.Map;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** A request body the strict reader refused, with the problem to answer (malformed, invalid, too large, charset). */
final class RefusedBody extends HttpMessageNotReadableException {

    private final transient ProblemDetail problem;

    private RefusedBody(ProblemDetail problem, HttpInputMessage input) {
        super(problem.getDetail(), null, input);
        this.problem = problem;
    }

    static RefusedBody malformed(String where, String message, HttpInputMessage input) {
        return new RefusedBody(Problems.invalid(ProblemType.MALFORMED_JSON, "The body is not well-formed JSON: "
                + message + ". Nothing was changed.", Map.of(where, message)), input);
    }

    static RefusedBody invalid(Map<String, String> errors, HttpInputMessage input) {
        return new RefusedBody(Problems.invalid(ProblemType.INVALID_INPUT, "The body does not have the fields and"
                + " types this endpoint takes (see errors). Nothing was changed.", errors), input);
    }

    static RefusedBody of(ProblemDetail problem, HttpInputMessage input) {
        return new RefusedBody(problem, input);
    }

    ProblemDetail problem() {
        return problem;
    }
}
