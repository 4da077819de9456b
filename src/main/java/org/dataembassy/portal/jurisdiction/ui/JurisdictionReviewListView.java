package org.dataembassy.portal.jurisdiction.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.NotBuiltYet;

/** Jurisdiction reviews. Not built yet: says so plainly. */
@Route(value = "jurisdiction", layout = MainLayout.class)
@PageTitle("Jurisdiction reviews · Data Embassy Portal")
@Menu(order = 40, title = "Jurisdiction reviews")
@RolesAllowed({"LEGAL_OFFICER", "SECURITY_OFFICER", "AUDITOR"})
public class JurisdictionReviewListView extends VerticalLayout {

    public JurisdictionReviewListView() {
        add(new NotBuiltYet("Jurisdiction reviews", "Periodic and ad-hoc reviews of each host state will run here: continue, restrict, suspend or evacuate."));
    }
}
