package org.dataembassy.portal.shell;

import java.util.Optional;

/**
 * Something every page must show in the frame (for example "ACTIVE: the embassy serves the state"). Modules
 * contribute beans; the layout shows the text of each that has one, so the shell imports no other module.
 */
public interface ShellNotice {

    /** The text to show now; empty when there is nothing to say. */
    Optional<String> text();
}
