package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dataembassy.portal.shared.InvalidInputException;

/**
 * How much a what-if decision input may hold, checked before OPA is asked or anything recorded (the try-it panel
 * and {@code POST /api/decisions/…} alike): every input is stored for impact analysis ({@code policy_decision.input_json},
 * 20,000 characters) and replayed by it. At most {@value #MAX_BYTES} bytes as compact JSON, {@value #MAX_DEPTH}
 * levels of nesting (the input object is level 1), {@value #MAX_ENTRIES} keys per object and items per array; no
 * null, no number that is not finite, an agreement key of at most {@value #MAX_AGREEMENT} characters.
 */
public final class DecisionInputLimits {

    public static final int MAX_BYTES = 16_384;
    public static final int MAX_DEPTH = 8;
    public static final int MAX_ENTRIES = 100;
    public static final int MAX_AGREEMENT = 40;
    private static final int MAX_ERRORS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionInputLimits() {
    }

    /** Refuses the input with one message per offending path ({@code input.dataset.register}); returns its JSON size. */
    public static int check(Map<String, Object> input) {
        Map<String, String> errors = new LinkedHashMap<>();
        visit(input, "input", 1, errors);
        if (input.get("agreement") instanceof String agreement && agreement.length() > MAX_AGREEMENT) {
            errors.put("input.agreement", format("at most %,d characters (an agreement key)", MAX_AGREEMENT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int bytes = size(input);
        if (bytes > MAX_BYTES) {
            throw InvalidInputException.of("input", format("at most %,d bytes of JSON; this one has %,d", MAX_BYTES, bytes));
        }
        return bytes;
    }

    private static void visit(Object value, String path, int depth, Map<String, String> errors) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        if (value == null) {
            errors.put(path, "null is not a value; leave the field out");
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            container(value, path, depth, errors);
        } else if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
            errors.put(path, "not a finite number");
        } else if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            errors.put(path, "not a JSON value");
        }
    }

    private static void container(Object value, String path, int depth, Map<String, String> errors) {
        if (depth > MAX_DEPTH) {
            errors.put(path, format("at most %d levels of nesting", MAX_DEPTH));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() > MAX_ENTRIES) {
                errors.put(path, format("at most %,d keys in an object; this one has %,d", MAX_ENTRIES, map.size()));
                return;
            }
            map.forEach((key, child) -> visit(child, path + "." + key, depth + 1, errors));
        } else if (value instanceof List<?> list) {
            if (list.size() > MAX_ENTRIES) {
                errors.put(path, format("at most %,d items in an array; this one has %,d", MAX_ENTRIES, list.size()));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                visit(list.get(i), path + "[" + i + "]", depth + 1, errors);
            }
        }
    }

    private static int size(Map<String, Object> input) {
        try {
            return JSON.writeValueAsBytes(input).length;
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("input", "cannot be written as JSON");
        }
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
