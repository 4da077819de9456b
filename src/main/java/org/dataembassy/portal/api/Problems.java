package org.dataembassy.portal.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the API's problem details (RFC 9457, {@code application/problem+json}) and writes them where no message
 * converter is at hand: security refusals, servlet filters, the web server's own errors. Every problem has
 * {@code type} (a {@link ProblemType}), {@code title}, {@code status}, {@code detail}, {@code instance} (the request
 * path) and, for refused input, {@code errors}: field (a JSON path such as {@code input.dataset.register}) → message.
 */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_INSTANCE = 1000;

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        return of(type, type.title(), detail);
    }

    public static ProblemDetail of(ProblemType type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(title);
        return problem;
    }

    /** A refusal of input with one message per offending field. */
    public static ProblemDetail invalid(ProblemType type, String detail, Map<String, String> errors) {
        ProblemDetail problem = of(type, detail);
        problem.setProperty("errors", new LinkedHashMap<>(errors));
        return problem;
    }

    /** The same problem with another status (e.g. the web server's own 414 reported as {@link ProblemType#REJECTED_REQUEST}). */
    public static ProblemDetail withStatus(ProblemDetail problem, int status) {
        problem.setStatus(status);
        return problem;
    }

    /** For {@code @ExceptionHandler} methods: the problem with its status and {@code application/problem+json}. */
    public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(HttpStatusCode.valueOf(problem.getStatus()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Writes the problem as the whole response, with {@code instance} set to the request path. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        write(request.getRequestURI(), response, problem);
    }

    /** Writes the problem as the whole response; {@code requestUri} becomes {@code instance} when it is a valid URI. */
    public static void write(String requestUri, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(toJson(requestUri, problem));
        response.flushBuffer();
    }

    /** The JSON of a problem; {@code properties} (e.g. {@code errors}) become top-level members as RFC 9457 has them. */
    public static byte[] toJson(String requestUri, ProblemDetail problem) {
        if (problem.getInstance() == null) {
            instance(requestUri).ifPresent(problem::setInstance);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(body::putIfAbsent);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a problem must always serialise", e);
        }
    }

    private static Optional<URI> instance(String requestUri) {
        if (requestUri == null || requestUri.isEmpty() || requestUri.length() > MAX_INSTANCE) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(requestUri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
