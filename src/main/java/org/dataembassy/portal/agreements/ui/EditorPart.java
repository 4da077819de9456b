package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.html.Div;
import java.util.List;

/** One Rego part of a version (the treaty package or its tests): its editor and, below it, OPA's problems as text. */
final class EditorPart {

    private final RegoEditor editor = new RegoEditor();
    private final Div problems = new Div();

    EditorPart(String editorId, String problemsId, String height, String source, boolean editable) {
        editor.setId(editorId);
        editor.setWidthFull();
        editor.setHeight(height);
        editor.setValue(source);
        editor.setReadOnly(!editable);
        problems.setId(problemsId);
    }

    RegoEditor editor() {
        return editor;
    }

    Div problems() {
        return problems;
    }

    String value() {
        return editor.getValue();
    }

    void clear() {
        editor.setProblems(List.of());
        problems.removeAll();
    }

    /** Adds a problem's text below the editor. */
    void add(Div text) {
        problems.add(text);
    }

    /** Marks these problems at their lines in the editor, replacing the marks shown before. */
    void mark(List<EditorProblem> marks) {
        editor.setProblems(marks);
    }
}
