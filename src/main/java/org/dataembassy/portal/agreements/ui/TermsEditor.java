package org.dataembassy.portal.agreements.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A version's terms in two tabs kept in step: the clause form and the JSON. An edit in either updates the other and
 * then calls {@code changed} (the view asks OPA). Clause errors are shown at their field, others on the JSON.
 */
final class TermsEditor {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ClauseForm clauses;
    private final TextArea json = new TextArea("Terms (JSON)");
    private final Runnable changed;

    TermsEditor(String termsJson, boolean editable, Runnable changed) {
        this.changed = changed;
        this.clauses = new ClauseForm(this::clausesChanged);
        json.setId("terms-json");
        json.setWidthFull();
        json.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        json.setValue(termsJson);
        json.setValueChangeMode(ValueChangeMode.LAZY);
        json.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                load(e.getValue());
                changed.run();
            }
        });
        load(termsJson);
        json.setReadOnly(!editable);
        clauses.setReadOnly(!editable);
    }

    /** The "Clauses" tab. */
    ClauseForm clausesTab() {
        return clauses;
    }

    /** The "Terms (JSON)" tab. */
    TextArea jsonTab() {
        return json;
    }

    String value() {
        return json.getValue();
    }

    void clearErrors() {
        clauses.clearErrors();
        json.setInvalid(false);
    }

    /** Shows a field error at its clause or on the JSON; false when it is not about the terms. */
    boolean showError(String field, String message) {
        if (clauses.showError(field, message)) {
            return true;
        }
        if (field.startsWith("terms")) {
            json.setErrorMessage(field + ": " + message);
            json.setInvalid(true);
            return true;
        }
        return false;
    }

    private void load(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node instanceof ObjectNode object) {
                clauses.load(object);
            }
        } catch (JsonProcessingException e) {
            // the JSON tab shows the syntax error
        }
    }

    private void clausesChanged(ObjectNode terms) {
        try {
            json.setValue(JSON.writeValueAsString(terms) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        changed.run();
    }
}
