package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.dataembassy.portal.agreements.DraftCheck;
import org.dataembassy.portal.policy.PolicyProblem;

/**
 * Where a version's problems are shown: clause errors at their field (else on the JSON), the change note's at it,
 * OPA's problems at their line of the Rego or tests editor and as text below it, anything else above the tabs.
 */
final class DraftProblems {

    private final TermsEditor terms;
    private final EditorPart rego;
    private final EditorPart tests;
    private final TextField changeNote;
    private final Div general = new Div();

    DraftProblems(TermsEditor terms, EditorPart rego, EditorPart tests, TextField changeNote) {
        this.terms = terms;
        this.rego = rego;
        this.tests = tests;
        this.changeNote = changeNote;
        general.setId("general-errors");
    }

    /** Problems that belong to no field or editor. */
    Div general() {
        return general;
    }

    void clear() {
        terms.clearErrors();
        rego.clear();
        tests.clear();
        general.removeAll();
    }

    void show(DraftCheck check) {
        clear();
        check.fieldErrors().forEach(this::fieldError);
        show(check.problems());
    }

    void fieldError(String field, String message) {
        if (terms.showError(field, message)) {
            return;
        }
        if ("changeNote".equals(field)) {
            changeNote.setErrorMessage(message);
            changeNote.setInvalid(true);
        } else {
            general.add(new Div(field + ": " + message));
        }
    }

    void show(List<PolicyProblem> problems) {
        List<EditorProblem> inRego = new ArrayList<>();
        List<EditorProblem> inTests = new ArrayList<>();
        for (PolicyProblem p : problems) {
            String text = (p.line() > 0 ? "line " + p.line() + (p.column() > 0 ? ", column " + p.column() : "") + ": "
                    : "") + p.message() + " (" + p.code() + ")";
            Div line = new Div(text);
            line.addClassName("problem");
            if (DraftCheck.TESTS.equals(p.file())) {
                inTests.add(EditorProblem.error(Math.max(1, p.line()), Math.max(1, p.column()), p.message()));
                tests.add(line);
            } else if (DraftCheck.REGO.equals(p.file()) || p.file().isEmpty()) {
                if (p.line() > 0) {
                    inRego.add(EditorProblem.error(p.line(), Math.max(1, p.column()), p.message()));
                }
                rego.add(line);
            } else {
                general.add(new Div(p.file() + ": " + text));
            }
        }
        rego.mark(inRego);
        tests.mark(inTests);
    }
}
