package org.dataembassy.portal.agreements.ui;

/** How bad a problem shown in the {@link RegoEditor} is; decides its colour and gutter marker. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The name CodeMirror's lint extension uses for this severity. */
    String clientName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
