package org.dataembassy.portal.api.internal;

import java.util.Map;
import java.util.UUID;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shared.PortalUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The problem for each exception Spring MVC (or a handler) raises under {@code /api/**}; unknown ones are 500 without details. */
final class MvcProblems {

    private static final Logger log = LoggerFactory.getLogger(MvcProblems.class);

    record Answer(ProblemDetail problem, HttpHeaders headers) {
        Answer(ProblemDetail problem) {
            this(problem, new HttpHeaders());
        }
    }

    private MvcProblems() {
    }

    static Answer of(Exception e) {
        Answer input = inputProblem(e);
        if (input != null) {
            return input;
        }
        Answer protocol = protocolProblem(e);
        if (protocol != null) {
            return protocol;
        }
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            ProblemType type = ProblemType.forStatus(response.getStatusCode().value());
            return new Answer(Problems.withStatus(Problems.of(type, type.title() + "."), response.getStatusCode().value()));
        }
        if (PortalUnavailable.causedBy(e)) {
            log.warn("API request failed: the database is unavailable ({})", e.toString());
            return new Answer(Problems.of(ProblemType.SERVICE_UNAVAILABLE, "The portal's database does not answer or"
                    + " cannot write (it may be down or full); the request was not completed. Try again later."),
                    retryAfter(30));
        }
        String incident = UUID.randomUUID().toString();
        log.error("API request failed unexpectedly (incident {})", incident, e);
        return new Answer(Problems.of(ProblemType.INTERNAL_ERROR, "The request failed on the server (incident "
                + incident + "); its log has the cause. Whether anything changed is not known: check before retrying."));
    }

    /** What the client sent cannot be read or is not valid (400), or null when that is not the failure. */
    private static Answer inputProblem(Exception e) {
        if (e instanceof RefusedBody refused) {
            return new Answer(refused.problem());
        }
        if (e instanceof HttpMessageNotReadableException) {
            return new Answer(Problems.invalid(ProblemType.MALFORMED_JSON, "The body is missing or unreadable: send a"
                    + " JSON object. Nothing was changed.", Map.of(JsonTreeCheck.ROOT, "required: a JSON object")));
        }
        if (e instanceof UnexpectedBodyException) {
            return new Answer(Problems.invalid(ProblemType.INVALID_INPUT, "This endpoint takes no request body; send"
                    + " none (Content-Length: 0). Nothing was changed.", Map.of(JsonTreeCheck.ROOT, "must be empty")));
        }
        if (e instanceof InvalidInputException invalid) {
            return new Answer(Problems.invalid(ProblemType.INVALID_INPUT, "The request was rejected; nothing was changed.",
                    invalid.fieldErrors()));
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return new Answer(Problems.invalid(ProblemType.INVALID_INPUT, "A path or query parameter is not valid.",
                    Map.of(mismatch.getName(), expected(mismatch.getRequiredType()) + ", got \""
                            + BindingErrors.abbreviate(String.valueOf(mismatch.getValue())) + "\"")));
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return new Answer(Problems.invalid(ProblemType.INVALID_INPUT, "A required query parameter is missing.",
                    Map.of(missing.getParameterName(), "required query parameter")));
        }
        if (e instanceof ServletRequestBindingException binding) {
            return new Answer(Problems.of(ProblemType.INVALID_INPUT, "A required part of the request is missing or not"
                    + " valid (" + binding.getBody().getDetail() + ")."));
        }
        return null;
    }

    /** The request does not fit the endpoint: method, media type, size, path (405, 406, 415, 413, 404), or null. */
    private static Answer protocolProblem(Exception e) {
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            HttpHeaders headers = new HttpHeaders();
            if (method.getSupportedHttpMethods() != null) {
                headers.setAllow(method.getSupportedHttpMethods());
            }
            return new Answer(Problems.of(ProblemType.METHOD_NOT_ALLOWED, method.getMethod() + " is not allowed here; "
                    + "allowed: " + String.join(", ", method.getSupportedMethods() == null ? new String[0]
                    : method.getSupportedMethods()) + "."), headers);
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return new Answer(Problems.of(ProblemType.NOT_ACCEPTABLE, "This endpoint answers application/json (and"
                    + " problems as application/problem+json); send an Accept header that allows it, or none."));
        }
        if (e instanceof HttpMediaTypeNotSupportedException || e instanceof MultipartException
                && !(e instanceof MaxUploadSizeExceededException)) {
            HttpHeaders headers = new HttpHeaders();
            headers.set("Accept-Post", "application/json");
            return new Answer(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json"
                    + " (UTF-8)" + (e instanceof HttpMediaTypeNotSupportedException unsupported
                    && unsupported.getContentType() != null ? ", not " + unsupported.getContentType() : "") + "."), headers);
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return new Answer(Problems.of(ProblemType.TOO_LARGE, "The body is too large."));
        }
        if (e instanceof NoHandlerFoundException || e instanceof NoResourceFoundException) {
            return new Answer(Problems.of(ProblemType.NOT_FOUND, "No API endpoint has this path; the endpoints are"
                    + " listed in the OpenAPI document, /v3/api-docs."));
        }
        return null;
    }

    private static HttpHeaders retryAfter(int seconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return headers;
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return StrictNumbers.EXPECTED;
        }
        return "expected " + BindingErrors.expected(type);
    }
}
