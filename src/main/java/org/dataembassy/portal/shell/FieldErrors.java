package org.dataembassy.portal.shell;

import com.vaadin.flow.component.HasValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.dataembassy.portal.shared.InvalidInputException;

/**
 * Shows a service's refusal beside the fields it names: each field error on the component bound to that field,
 * any error for a field the form does not show on the fallback component, so nothing the service said is lost.
 */
public final class FieldErrors {

    private FieldErrors() {
    }

    /** Clears the fields' previous errors (call before submitting). */
    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    /** Marks the fields the exception names invalid with its messages; unknown fields go to {@code fallback}. */
    public static void show(InvalidInputException ex, Map<String, ? extends HasValidation> fields,
                            HasValidation fallback) {
        Map<HasValidation, String> messages = new LinkedHashMap<>();
        new TreeMap<>(ex.fieldErrors()).forEach((field, message) -> {
            HasValidation target = fields.get(field);
            messages.merge(target == null ? fallback : target, message, (a, b) -> a + "; " + b);
        });
        messages.forEach((target, message) -> {
            target.setErrorMessage(message);
            target.setInvalid(true);
        });
    }
}
