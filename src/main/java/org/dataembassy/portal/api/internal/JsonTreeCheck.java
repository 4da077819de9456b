package org.dataembassy.portal.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the API refuses in any well-formed body, wherever it is: {@code null} (leave the field out instead), the NUL
 * character U+0000 (PostgreSQL cannot store it in text) and unpaired UTF-16 surrogates (not Unicode text), in values
 * and in keys. Paths are written {@code input.approvals[0].role}; the whole body is {@code body}.
 */
final class JsonTreeCheck {

    static final String ROOT = "body";
    private static final int MAX_ERRORS = 20;

    private JsonTreeCheck() {
    }

    /** Field → message for every refused spot (at most 20), empty when the tree is acceptable. */
    static Map<String, String> refusals(JsonNode tree) {
        Map<String, String> errors = new LinkedHashMap<>();
        visit(tree, ROOT, errors);
        return errors;
    }

    static String child(String path, String field) {
        return ROOT.equals(path) ? field : path + "." + field;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    private static void visit(JsonNode node, String path, Map<String, String> errors) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        if (node.isNull()) {
            errors.put(path, "null is not a value here; leave the field out");
        } else if (node.isTextual()) {
            text(node.textValue(), path, errors);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), item(path, i), errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = child(path, field.getKey());
                if (text(field.getKey(), at, errors)) {
                    visit(field.getValue(), at, errors);
                }
            }
        }
    }

    private static boolean text(String s, String path, Map<String, String> errors) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                errors.put(path, "contains the NUL character (U+0000), which cannot be stored");
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                errors.put(path, "contains an unpaired surrogate (\\u" + Integer.toHexString(c) + "): not Unicode text");
                return false;
            }
        }
        return true;
    }
}
