package org.dataembassy.portal.agreements.ui;

import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * One problem to show in the {@link RegoEditor}, positioned the way OPA reports compile errors: line and column
 * are 1-based. A line past the end of the text is shown on the last line, a column past the end of its line at
 * the line's end, so a report about text the user has since changed still shows somewhere sensible.
 *
 * @param line     1-based line, at least 1
 * @param column   1-based column, at least 1
 * @param message  what is wrong, never null
 * @param severity never null
 */
@NamedInterface("editor")
public record EditorProblem(int line, int column, String message, Severity severity) {

    public EditorProblem {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /** An error at the given 1-based position. */
    public static EditorProblem error(int line, int column, String message) {
        return new EditorProblem(line, column, message, Severity.ERROR);
    }
}
