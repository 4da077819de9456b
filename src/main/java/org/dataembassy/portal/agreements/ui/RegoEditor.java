package org.dataembassy.portal.agreements.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Synchronize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * A code editor for Rego (CodeMirror 6 in the browser): highlighting, line numbers, undo/redo, bracket matching,
 * problems shown as lint diagnostics with gutter markers, Ctrl-S / Cmd-S to save.
 *
 * <p>Guarantees: {@link #getValue()} is never null and is the text the browser last reported (edits reach the
 * server about 300 ms after the user stops typing, and at once on save); listeners hear only the user's edits,
 * never {@link #setValue(String)}; while read-only, edits and save requests from the browser are ignored.
 * Exposed to other modules as the named interface "editor". The npm versions below are pinned in package.json
 * and package-lock.json and must change together.
 */
@Tag("rego-editor")
@JsModule("./src/rego-editor.ts")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.43.15")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/commands", version = "6.11.1")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@NpmPackage(value = "@lezer/highlight", version = "1.2.5")
@NamedInterface("editor")
public class RegoEditor extends Component implements HasSize {

    private static final String VALUE = "value";

    private List<EditorProblem> problems = List.of();

    public RegoEditor() {
        getElement().setProperty(VALUE, "");
        // The browser never edits while read-only; a tampered one that tries has its change put back.
        getElement().addPropertyChangeListener(VALUE, event -> {
            if (event.isUserOriginated() && isReadOnly()) {
                getElement().setProperty(VALUE, Objects.toString(event.getOldValue(), ""));
            }
        });
    }

    /** The current text, never null. */
    @Synchronize(property = VALUE, value = "value-changed")
    public String getValue() {
        return getElement().getProperty(VALUE, "");
    }

    /** Replaces the text (null means empty); the browser keeps the cursor if the text is unchanged. */
    public void setValue(String value) {
        getElement().setProperty(VALUE, value == null ? "" : value);
    }

    public boolean isReadOnly() {
        return getElement().getProperty("readonly", false);
    }

    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    /** The problems shown now, never null. */
    public List<EditorProblem> getProblems() {
        return problems;
    }

    /** Shows these problems instead of the previous ones (null or empty clears them). */
    public void setProblems(List<EditorProblem> problems) {
        this.problems = problems == null ? List.of() : List.copyOf(problems);
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (EditorProblem problem : this.problems) {
            ObjectNode item = json.addObject();
            item.put("line", problem.line());
            item.put("column", problem.column());
            item.put("message", problem.message());
            item.put("severity", problem.severity().clientName());
        }
        getElement().setPropertyJson("problems", json);
    }

    /** Hears the user's edits (debounced in the browser), not {@link #setValue(String)}. */
    public Registration addValueChangeListener(ComponentEventListener<ValueChangeEvent> listener) {
        return addListener(ValueChangeEvent.class, event -> {
            if (!isReadOnly()) {
                listener.onComponentEvent(event);
            }
        });
    }

    /** Hears Ctrl-S / Cmd-S in the editor; the event carries the text as it was when the user saved. */
    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, event -> {
            if (!isReadOnly()) {
                listener.onComponentEvent(event);
            }
        });
    }

    /** The user changed the text; {@link #getValue()} is the new text, never null. */
    @DomEvent("value-changed")
    @NamedInterface("editor")
    public static class ValueChangeEvent extends ComponentEvent<RegoEditor> {
        private final String value;

        public ValueChangeEvent(RegoEditor source, boolean fromClient, @EventData("event.detail.value") String value) {
            super(source, fromClient);
            this.value = value == null ? "" : value;
        }

        public String getValue() {
            return value;
        }
    }

    /** The user asked to save; {@link #getValue()} is the text to save, never null. */
    @DomEvent("save-requested")
    @NamedInterface("editor")
    public static class SaveEvent extends ComponentEvent<RegoEditor> {
        private final String value;

        public SaveEvent(RegoEditor source, boolean fromClient, @EventData("event.detail.value") String value) {
            super(source, fromClient);
            this.value = value == null ? "" : value;
        }

        public String getValue() {
            return value;
        }
    }
}
