package org.dataembassy.portal.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bodies that are well-formed JSON but wrong in one field of the endpoint's valid body, for every field of its body
 * record: each JSON type it is not, null, a duplicate of it, an unknown neighbour, a string over the column's limit
 * (and one over the body limit), deep nesting and a huge array in its place.
 */
final class FieldFamilies {

    record Body(String family, String text, Set<Integer> expected) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final int OVER_BODY_LIMIT = 300_000;
    private static final Set<Integer> BAD = Set.of(400);

    private FieldFamilies() {
    }

    static List<Body> of(ObjectNode valid, Map<String, Class<?>> fields, Map<String, Integer> limits) {
        List<Body> bodies = new ArrayList<>();
        for (Map.Entry<String, Class<?>> field : fields.entrySet()) {
            String name = field.getKey();
            Class<?> type = field.getValue();
            for (String wrong : wrongValues(type)) {
                bodies.add(new Body("wrong-type", with(valid, name, wrong), BAD));
            }
            bodies.add(new Body("null", with(valid, name, "null"), BAD));
            String text = valid.toString();
            String value = valid.has(name) ? valid.get(name).toString() : "1";
            bodies.add(new Body("duplicate-keys", "{" + quote(name) + ":" + value + "," + text.substring(1), BAD));
            bodies.add(new Body("unknown-field", with(valid, Character.toUpperCase(name.charAt(0)) + name.substring(1), value), BAD));
            bodies.add(new Body("deep-nesting", with(valid, name, "[".repeat(40) + "]".repeat(40)), BAD));
            bodies.add(new Body("deep-nesting", with(valid, name, "{\"a\":".repeat(12) + "1" + "}".repeat(12)), BAD));
            bodies.add(new Body("huge-array", with(valid, name, "[" + "0,".repeat(9_999) + "0]"), BAD));
            bodies.add(new Body("huge-array", with(valid, name, "[" + "0,".repeat(139_999) + "0]"), Set.of(400, 413)));
            if (CharSequence.class.isAssignableFrom(type)) {
                Integer limit = limits.get(name);
                if (limit != null && limit + 1 < OVER_BODY_LIMIT / 2) {
                    bodies.add(new Body("oversized-string", with(valid, name, quote("x".repeat(limit + 1))), BAD));
                    bodies.add(new Body("oversized-string", with(valid, name, quote("é".repeat(limit + 1))), BAD));
                }
                bodies.add(new Body("oversized-string", with(valid, name, quote("x".repeat(OVER_BODY_LIMIT))), Set.of(413)));
            }
            if (Map.class.isAssignableFrom(type) && valid.get(name) instanceof ObjectNode object) {
                bodies.addAll(inside(valid, name, object));
            }
        }
        bodies.add(new Body("unknown-field", with(valid, "unexpected", "1"), BAD));
        return bodies;
    }

    /** A free-form object field (a decision input): the service's limits on size, nesting, entries and nulls. */
    private static List<Body> inside(ObjectNode valid, String name, ObjectNode object) {
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body("null", with(valid, name, with(object, "dataset", "{\"register\":null}")), BAD));
        // as text: a tree would keep only the last of the two keys (the suite once sent a valid decision that way)
        bodies.add(new Body("duplicate-keys", "{" + quote(name) + ":{\"agreement\":\"a\",\"agreement\":\"b\"}}", BAD));
        bodies.add(new Body("oversized-string", with(valid, name, with(object, "agreement", quote("x".repeat(41)))), BAD));
        bodies.add(new Body("oversized-string", with(valid, name, with(object, "note", quote("x".repeat(17_000)))), BAD));
        bodies.add(new Body("deep-nesting", with(valid, name, with(object, "nested", "{\"a\":".repeat(10) + "1"
                + "}".repeat(10))), BAD));
        bodies.add(new Body("huge-array", with(valid, name, with(object, "list", "[" + "0,".repeat(100) + "0]")), BAD));
        bodies.add(new Body("huge-array", with(valid, name, with(object, "list", "[" + "0,".repeat(9_999) + "0]")), BAD));
        // 1e999 is well-formed JSON but no finite number; built as text, since a tree would write it as "Infinity"
        bodies.add(new Body("wrong-type", with(valid, name, with(object, "size", "424242")).replace("424242", "1e999"), BAD));
        return bodies;
    }

    static List<String> wrongValues(Class<?> type) {
        List<String> all = List.of("\"text\"", "\"1\"", "\"\"", "123", "-1.5", "1e3", "99999999999", "true", "false",
                "[]", "[\"a\"]", "{}", "{\"a\":\"b\"}");
        return all.stream().filter(v -> !fits(type, v)).toList();
    }

    private static boolean fits(Class<?> type, String value) {
        JsonNode node = read(value);
        if (CharSequence.class.isAssignableFrom(type)) {
            return node.isTextual();
        }
        if (type == Integer.class || type == int.class) {
            return node.isInt();
        }
        if (type == Long.class || type == long.class) {
            return node.isIntegralNumber();
        }
        if (type == Boolean.class || type == boolean.class) {
            return node.isBoolean();
        }
        if (Map.class.isAssignableFrom(type)) {
            return node.isObject();
        }
        if (Collection.class.isAssignableFrom(type)) {
            return node.isArray() && (node.isEmpty() || node.get(0).isTextual());
        }
        return node.isObject();
    }

    private static String with(ObjectNode object, String field, String json) {
        ObjectNode copy = object.deepCopy();
        copy.set(field, read(json));
        return copy.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    static String quote(String s) {
        return JSON.getNodeFactory().textNode(s).toString();
    }
}
