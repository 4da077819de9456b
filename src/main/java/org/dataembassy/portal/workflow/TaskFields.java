package org.dataembassy.portal.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.shared.InvalidInputException;

/**
 * The fields of a task completion as the API received them ({@code {"approve": true, "comment": "…"}}), read by
 * type with every problem collected by field name; {@link #check()} refuses them all at once.
 */
public final class TaskFields {

    private final Map<String, Object> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public TaskFields(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** A required true or false. */
    public boolean bool(String name) {
        Object v = values.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        errors.put(name, v == null ? "required: true or false" : "true or false");
        return false;
    }

    /** Text, "" when absent. */
    public String text(String name) {
        Object v = values.get(name);
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        errors.put(name, "text");
        return "";
    }

    /** A list of texts, empty when absent. */
    public List<String> texts(String name) {
        Object v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            list.forEach(item -> out.add((String) item));
        } else {
            errors.put(name, "a list of texts");
        }
        return out;
    }

    /** Refuses the fields read with a wrong type or missing, and any field the form does not take. */
    public void check(Set<String> known) {
        values.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> errors.put(k, "unknown field; this task takes " + String.join(", ", known.stream().sorted().toList())));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
