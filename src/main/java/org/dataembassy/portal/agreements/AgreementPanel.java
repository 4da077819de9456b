package org.dataembassy.portal.agreements;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A panel another module shows on an agreement's page (the obligations module: its duties and breaches), so the page
 * says what concerns the agreement without the agreements module depending on those modules. Each implementation
 * checks its own readers' roles and returns nothing for a reader who may not see it.
 */
public interface AgreementPanel {

    /** The panel for agreement {@code key}, or empty when there is nothing to show or the reader may not see it. */
    Optional<Component> panel(String key);

    /** Where it goes among the others, lowest first. */
    default int order() {
        return 100;
    }
}
