package org.dataembassy.portal.api.internal;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Says in the client's terms what a failed binding of a well-formed body means and where: the field's JSON path,
 * what it must be and what it was ({@code basedOn: expected a whole number, got a string}). Never Java class
 * names, never Jackson's hints about its own features.
 */
final class BindingErrors {

    private BindingErrors() {
    }

    static Map.Entry<String, String> describe(JsonMappingException e, JsonNode tree) {
        String path = JsonTreeCheck.ROOT;
        JsonNode node = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path = JsonTreeCheck.child(path, ref.getFieldName());
                node = node == null ? null : node.get(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path = JsonTreeCheck.item(path, ref.getIndex());
                node = node == null ? null : node.get(ref.getIndex());
            }
        }
        return Map.entry(path, message(e, node));
    }

    private static String message(JsonMappingException e, JsonNode node) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "unknown field; the fields are: " + (known == null || known.isEmpty() ? "none"
                    : new TreeSet<>(known.stream().map(String::valueOf).toList()).stream().collect(Collectors.joining(", ")));
        }
        if (e.getCause() instanceof InputCoercionException range) {
            return "expected " + expected(range.getTargetType()) + " from " + min(range.getTargetType()) + " to "
                    + max(range.getTargetType()) + ", got " + got(node);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + expected(mismatch.getTargetType()) + ", got " + got(node);
        }
        return "not a valid value here";
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "a JSON value";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return type == Object.class ? "a JSON value" : "a JSON object";
    }

    private static String got(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isIntegralNumber()) {
            return "the number " + abbreviate(node.asText());
        }
        if (node.isNumber()) {
            return "the number " + abbreviate(node.asText()) + " (with a fraction or an exponent)";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "an array" : node.isObject() ? "an object" : "null";
    }

    private static String min(Class<?> type) {
        return type == long.class || type == Long.class ? String.valueOf(Long.MIN_VALUE) : String.valueOf(Integer.MIN_VALUE);
    }

    private static String max(Class<?> type) {
        return type == long.class || type == Long.class ? String.valueOf(Long.MAX_VALUE) : String.valueOf(Integer.MAX_VALUE);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
