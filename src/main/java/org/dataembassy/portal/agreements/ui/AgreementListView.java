package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.NotBuiltYet;

/** Agreements. Not built yet: says so plainly. */
@Route(value = "agreements", layout = MainLayout.class)
@PageTitle("Agreements · Data Embassy Portal")
@Menu(order = 10, title = "Agreements")
@RolesAllowed({"LEGAL_OFFICER", "AUDITOR", "ADMIN"})
public class AgreementListView extends VerticalLayout {

    public AgreementListView() {
        add(new NotBuiltYet("Agreements", "Legal officers will encode each bilateral agreement here as tested, versioned, signed treaty rules, every rule traceable to its article."));
    }
}
