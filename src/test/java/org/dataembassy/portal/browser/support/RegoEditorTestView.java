package org.dataembassy.portal.browser.support;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.agreements.ui.EditorProblem;
import org.dataembassy.portal.agreements.ui.RegoEditor;

/**
 * Test-only page (src/test, never in the jar) hosting a {@link RegoEditor} with a stand-in validator: the first
 * line containing "oops" gets an error at the word. The real validation (OPA) is not this page's business.
 */
@Route("test/rego-editor")
@RolesAllowed("LEGAL_OFFICER")
public class RegoEditorTestView extends VerticalLayout {

    public static final String MESSAGE = "oops is not Rego";

    private final Div changes = new Div();
    private final Div saved = new Div();

    public RegoEditorTestView() {
        RegoEditor editor = new RegoEditor();
        editor.setId("editor");
        editor.setWidthFull();
        editor.setHeight("300px");
        changes.setId("changes");
        saved.setId("saved");
        List<String> seen = new ArrayList<>();
        editor.addValueChangeListener(event -> {
            seen.add(event.getValue());
            editor.setProblems(validate(event.getValue()));
            changes.setText(seen.size() + " changes, last " + event.getValue().length() + " chars, value "
                    + editor.getValue().length() + " chars");
        });
        editor.addSaveListener(event -> saved.setText("saved " + event.getValue().length() + " chars"));
        add(editor, changes, saved);
    }

    static List<EditorProblem> validate(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int column = lines[i].indexOf("oops");
            if (column >= 0) {
                return List.of(EditorProblem.error(i + 1, column + 1, MESSAGE));
            }
        }
        return List.of();
    }
}
