package org.dataembassy.portal.agreements.ui;

import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** How bad a problem shown in the {@link RegoEditor} is; decides its colour and gutter marker. */
@NamedInterface("editor")
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The name CodeMirror's lint extension uses for this severity. */
    String clientName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
