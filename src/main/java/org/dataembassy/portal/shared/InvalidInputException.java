package org.dataembassy.portal.shared;

import java.util.Map;
import java.util.TreeMap;

/**
 * Input was rejected before anything changed. Carries one message per offending field, for display beside
 * the field in the UI and as {@code errors} in a problem+json body.
 */
public class InvalidInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super("invalid input: " + new TreeMap<>(fieldErrors));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, message));
    }

    /** Field name to message; never empty. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
