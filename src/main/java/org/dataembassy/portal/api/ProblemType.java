package org.dataembassy.portal.api;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types of the REST API: {@code type} is {@code https://dataembassy.org/problems/<slug>} and
 * never changes once published; clients branch on it, not on {@code title} or {@code detail} (docs/api.md).
 */
public enum ProblemType {

    /** The body is not one well-formed UTF-8 JSON value: syntax, trailing content, duplicate keys, a byte-order mark. */
    MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
    /** Well-formed, but a field is missing, null, unknown, of the wrong type, too long or otherwise refused. */
    INVALID_INPUT("invalid-input", HttpStatus.BAD_REQUEST, "Invalid request"),
    /** Refused before the API saw it: the URL, method or headers are not acceptable to the web server at all. */
    REJECTED_REQUEST("rejected-request", HttpStatus.BAD_REQUEST, "Request rejected"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Not signed in"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    CSRF_TOKEN("csrf-token", HttpStatus.FORBIDDEN, "Forbidden"),
    FOUR_EYES("four-eyes", HttpStatus.FORBIDDEN, "Four-eyes rule"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Not possible in this state"),
    /** The change names (If-Match) a state of the thing that is no longer stored: it changed since it was read. */
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED, "Changed meanwhile"),
    TOO_LARGE("too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Request too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    RULES_REFUSED("rules-refused", HttpStatus.UNPROCESSABLE_ENTITY, "Treaty rules refused"),
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    /** The portal's database does not answer or cannot write (down, out of connections, full): retry later. */
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Portal unavailable"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String BASE = "https://dataembassy.org/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /**
     * The type for a bare status code, as the web server or the servlet container reports it without saying more.
     * Server errors other than 500 (e.g. 501 for CONNECT, 505 for an unknown protocol version) concern the request
     * as sent, and are reported as {@link #REJECTED_REQUEST}: the API never answers 5xx for what a client sent.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 500 -> INTERNAL_ERROR;
            default -> REJECTED_REQUEST;
        };
    }
}
